package durable.workshop.lesson3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import durable.workshop.testkit.LocalHttpStub;
import java.math.BigDecimal;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The gateway client sorts answers into charged, transient and declined, and signs with SigV4 when asked. */
class PaymentGatewayTest {

    private final LocalHttpStub http = LocalHttpStub.start();

    @AfterEach
    void stop() {
        http.close();
    }

    private void answer(int status, String body) {
        http.stubFor(post(urlEqualTo("/payments")).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private PaymentReceipt charge(PaymentGateway gateway) {
        return gateway.charge("key-12345678", "order-123", new BigDecimal("2000"), "JPY");
    }

    @Test
    void sortsTheAnswers() {
        PaymentGateway gateway = PaymentGateway.unsigned(http.baseUri());
        answer(201, "{\"paymentId\":\"pay_1\",\"status\":\"CHARGED\"}");
        assertThat(charge(gateway).paymentId()).isEqualTo("pay_1");
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            answer(status, "{\"message\":\"busy\"}");
            assertThatThrownBy(() -> charge(gateway)).isInstanceOf(TransientPaymentException.class)
                    .hasMessageContaining(Integer.toString(status)).hasMessageContaining("busy");
        }
        for (int status : new int[] {400, 402, 404, 422}) {
            answer(status, "{\"error\":\"card_declined\"}");
            assertThatThrownBy(() -> charge(gateway)).isInstanceOf(PaymentDeclinedException.class)
                    .hasMessageContaining(Integer.toString(status));
        }
        answer(201, "{}");
        assertThatThrownBy(() -> charge(gateway)).isInstanceOf(TransientPaymentException.class)
                .hasMessageContaining("paymentId");
    }

    @Test
    void anUnreachableGatewayIsTransient() {
        // Port 9 (discard) on 127.0.0.1 has no listener here: the connection is refused.
        PaymentGateway gateway = PaymentGateway.unsigned(URI.create("http://127.0.0.1:9"));
        assertThatThrownBy(() -> charge(gateway)).isInstanceOf(TransientPaymentException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void signsEveryRequestWithSigV4ForLambda() {
        answer(201, "{\"paymentId\":\"pay_1\",\"status\":\"CHARGED\"}");
        PaymentGateway gateway = PaymentGateway.sigV4(http.baseUri(), "ap-northeast-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

        charge(gateway);

        var request = http.server().getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/ap-northeast-1/lambda/aws4_request")
                .contains("idempotency-key");
        assertThat(request.getHeader("X-Amz-Date")).isNotBlank();
        assertThat(request.getHeader(PaymentGateway.IDEMPOTENCY_KEY)).isEqualTo("key-12345678");
    }
}
