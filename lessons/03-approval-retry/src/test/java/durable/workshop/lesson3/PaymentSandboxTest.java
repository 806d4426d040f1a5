package durable.workshop.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The deployed sandbox gateway: first attempt per key 503, then one charge per key, declines over the limit. */
@DynaliteTest(tables = @DynamoTable(name = Fixtures.LEDGER, partitionKey = "idempotencyKey"))
class PaymentSandboxTest {

    private static final String ORDER = "{\"orderId\":\"order-123\",\"amount\":2000,\"currency\":\"JPY\"}";
    private static final String KEY = "0b8f7a52-3c1d-4f5e-9a7b-2c6d8e1f0a34";
    private final PaymentSandbox sandbox;

    PaymentSandboxTest(DynamoDbClient dynamoDb) {
        sandbox = new PaymentSandbox(dynamoDb, Fixtures.LEDGER,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private PaymentSandbox.Response post(String key, String body) {
        return sandbox.handle("POST", "/payments", key, body);
    }

    private static String paymentId(PaymentSandbox.Response response) throws Exception {
        return new ObjectMapper().readTree(response.body()).path("paymentId").asText();
    }

    @Test
    void firstAttemptIsUnavailableThenOneChargeForTheKey() throws Exception {
        assertThat(post(KEY, ORDER).status()).isEqualTo(503);

        PaymentSandbox.Response charged = post(KEY, ORDER);
        PaymentSandbox.Response repeated = post(KEY, ORDER);

        assertThat(charged.status()).isEqualTo(201);
        assertThat(paymentId(charged)).startsWith("pay_");
        assertThat(repeated.status()).as("the same key answers the first charge again").isEqualTo(200);
        assertThat(paymentId(repeated)).isEqualTo(paymentId(charged));
    }

    @Test
    void everyKeyIsChargedSeparately() throws Exception {
        post(KEY, ORDER);
        post("another-key-123", ORDER);
        String first = paymentId(post(KEY, ORDER));
        String second = paymentId(post("another-key-123", ORDER));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void amountsOverTheLimitAreDeclinedEveryTime() {
        String robot = "{\"orderId\":\"order-456\",\"amount\":480000,\"currency\":\"JPY\"}";
        assertThat(post(KEY, robot).status()).isEqualTo(503);
        PaymentSandbox.Response declined = post(KEY, robot);
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.body()).contains("card_declined").contains("100000");
        assertThat(post(KEY, robot).status()).as("a decline is final for the key").isEqualTo(402);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        post(KEY, ORDER);
        PaymentSandbox.Response reused = post(KEY, "{\"orderId\":\"order-123\",\"amount\":1,\"currency\":\"JPY\"}");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency_key_reused");
    }

    @Test
    void badRequestsNameWhatIsWrong() {
        assertThat(post(null, ORDER).status()).isEqualTo(400);
        assertThat(post(null, ORDER).body()).contains("Idempotency-Key");
        assertThat(post(KEY, "{\"orderId\":\"o\",\"amount\":-5,\"currency\":\"JPY\"}").body()).contains("amount");
        assertThat(post(KEY, "{\"orderId\":\"o\",\"amount\":5,\"currency\":\"USD\"}").body()).contains("currency");
        assertThat(post(KEY, "not json").status()).isEqualTo(400);
        assertThat(sandbox.handle("GET", "/payments", KEY, null).status()).isEqualTo(404);
    }

    @Test
    void theFunctionReadsAFunctionUrlEvent() {
        PaymentSandboxFunction function = new PaymentSandboxFunction(sandbox);
        Map<String, Object> event = Map.of(
                "rawPath", "/payments",
                "requestContext", Map.of("http", Map.of("method", "POST")),
                "headers", Map.of("idempotency-key", KEY, "content-type", "application/json"),
                "isBase64Encoded", true,
                "body", Base64.getEncoder().encodeToString(ORDER.getBytes(StandardCharsets.UTF_8)));

        assertThat(function.handleRequest(event, null).get("statusCode")).isEqualTo(503);
        Map<String, Object> charged = function.handleRequest(event, null);
        assertThat(charged.get("statusCode")).isEqualTo(201);
        assertThat((String) charged.get("body")).contains("pay_");
    }
}
