package durable.workshop.lesson3;

import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 3.6: the charge runs in a step with the retry strategy and sends one idempotency key on every
 * attempt, so a flaky gateway charges exactly once.
 */
@Tag("exercise:3.6")
class ChargePaymentTest {

    private static final String KEY = "3f2b9d1e-7c4a-4e8b-9a61-0d5c2e7f4b13";
    private final GatewayStub gateway = new GatewayStub();
    // The charge touches no table: a client that is never used is enough.
    private final DynamoDbClient unused = DynamoDbClient.builder().region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(AnonymousCredentialsProvider.create()).build();
    private final OrderWorkflow workflow = Fixtures.workflow(unused, gateway.uri());

    @AfterEach
    void stop() {
        gateway.close();
    }

    private LocalDurableTestRunner<Order, Payment> chargeOnly() {
        return LocalDurableTestRunner.create(Order.class,
                (input, context) -> workflow.charge(Fixtures.priced123(), KEY, context));
    }

    @Test
    void twoUnavailableAnswersThenOneChargeWithOneKey() throws Exception {
        gateway.answering(503, 503, 201);

        TestResult<Payment> result = chargeOnly().runUntilComplete(Fixtures.order123());

        assertSucceeded(result, say("after 503, 503 the third attempt is charged", "503、503 の後、3 回目の試行で課金されるはずです"));
        assertThat(names(result)).as(say("the charge is one step named charge-payment; history ",
                "課金は charge-payment という名前の 1 つのステップのはずです。履歴: ") + history(result))
                .containsExactly("charge-payment");
        Payment payment = result.getResult(Payment.class);
        assertThat(payment.charged()).isTrue();
        assertThat(payment.paymentId()).isEqualTo(GatewayStub.PAYMENT_ID);
        assertThat(gateway.keys()).as(say("three requests (the step retried the two 503s), every one with the same Idempotency-Key",
                "リクエストは 3 回（503 を 2 回リトライ）で、どれも同じ Idempotency-Key を送るはずです"))
                .containsExactly(KEY, KEY, KEY);
        assertThat(gateway.charges()).as(say("one charge", "課金は 1 回のはずです")).isEqualTo(1);
        var body = new ObjectMapper().readTree(gateway.requests().get(0).getBodyAsString());
        assertThat(body.path("amount").decimalValue()).as(say("the amount is the priced order's 2000 yen",
                "金額は価格付けした注文の 2000 円のはずです")).isEqualByComparingTo("2000");
        assertThat(body.path("orderId").asText()).isEqualTo("order-123");
    }

    @Test
    void aDeclineIsNotRetried() {
        gateway.answering(402);

        TestResult<Payment> result = chargeOnly().runUntilComplete(Fixtures.order123());

        assertSucceeded(result, say("a decline is an answer: charge() should return a failed Payment, not fail the execution",
                "拒否は応答の一つです。charge() は実行を失敗させず、失敗した Payment を返すはずです"));
        assertThat(gateway.requests()).as(say("a 402 gives the same answer every time, so exactly one request",
                "402 は何度送っても同じ答えなので、リクエストは 1 回だけのはずです")).hasSize(1);
        Payment payment = result.getResult(Payment.class);
        assertThat(payment.charged()).isFalse();
        assertThat(payment.reason()).as(say("the reason says the payment was declined, and why",
                "理由は支払いが拒否されたことと、その訳を伝えるはずです")).contains("declined").contains("402");
    }

    @Test
    void retriesStopAfterTheLastAttempt() {
        gateway.answering(503);

        TestResult<Payment> result = chargeOnly().runUntilComplete(Fixtures.order123());

        assertSucceeded(result, say("exhausted retries should end charge() with a failed Payment",
                "リトライを使い切ったら、charge() は失敗した Payment を返すはずです"));
        assertThat(gateway.requests()).as(say("bounded: exactly PAYMENT_ATTEMPTS requests", "上限どおり、リクエストはちょうど PAYMENT_ATTEMPTS 回のはずです"))
                .hasSize(OrderWorkflow.PAYMENT_ATTEMPTS);
        assertThat(gateway.keys()).containsOnly(KEY);
        assertThat(result.getResult(Payment.class).charged()).isFalse();
        assertThat(result.getResult(Payment.class).reason()).contains("503");
    }

    @Test
    void aStepRunAgainAfterALostCheckpointSendsTheSameKey() {
        gateway.answering(201, 200);
        LocalDurableTestRunner<Order, Payment> runner = chargeOnly();
        assertSucceeded(runner.runUntilComplete(Fixtures.order123()), say("the charge should succeed", "課金は成功するはずです"));

        // The step charged, but its checkpoint was lost (the invocation crashed): the step runs again.
        runner.resetCheckpointToStarted("charge-payment");
        TestResult<Payment> again = runner.runUntilComplete(Fixtures.order123());

        assertSucceeded(again, say("the re-run charge should succeed", "もう一度実行した課金も成功するはずです"));
        assertThat(gateway.keys()).as(say("the step ran twice (at least once!) and sent the same key both times, so the gateway"
                        + " answers the first charge instead of charging again",
                "ステップは 2 回実行されました（少なくとも 1 回）。2 回とも同じキーを送るので、ゲートウェイは二重に課金せず最初の課金を返します"))
                .containsExactly(KEY, KEY);
        assertThat(again.getResult(Payment.class).paymentId()).isEqualTo(GatewayStub.PAYMENT_ID);
    }
}
