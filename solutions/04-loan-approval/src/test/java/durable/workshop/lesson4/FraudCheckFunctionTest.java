package durable.workshop.lesson4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fraud-check function against a local Lambda API: the exact callback calls it makes (not an exercise). */
class FraudCheckFunctionTest {

    private static final String CALLBACK = "Ab12/cd+34==";
    private final LambdaStub lambda = new LambdaStub();
    private final FraudCheckFunction function = new FraudCheckFunction(lambda.client);

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void sendsAHeartbeatThenTheVerdictAsTheCallbackResult() {
        String answer = function.handleRequest(
                new FraudCheckRequest("alice-001", "1111", new BigDecimal("150000"), CALLBACK), null);

        assertThat(answer).isEqualTo("cleared");
        List<LoggedRequest> requests = lambda.requests();
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly(
                LambdaStub.callbackPath(CALLBACK, "heartbeat"), LambdaStub.callbackPath(CALLBACK, "succeed"));
        assertThat(requests).extracting(r -> r.getMethod().getName()).containsOnly("POST");
        assertThat(requests.get(1).getBodyAsString())
                .isEqualTo("{\"cleared\":true,\"riskScore\":10,\"reason\":\"no fraud indicators\"}");
    }

    @Test
    void aWatchListedSinIsAnsweredAsNotCleared() {
        function.handleRequest(new FraudCheckRequest("eve-001", "0000", new BigDecimal("5000"), CALLBACK), null);

        assertThat(lambda.requests().get(1).getBodyAsString()).contains("\"cleared\":false").contains("watch list");
    }

    @Test
    void aRequestItCannotDecideIsAnsweredWithACallbackFailure() {
        String answer = function.handleRequest(new FraudCheckRequest("x-001", "12", BigDecimal.TEN, CALLBACK), null);

        assertThat(answer).startsWith("failed");
        LoggedRequest failure = lambda.requests().get(1);
        assertThat(failure.getUrl()).isEqualTo(LambdaStub.callbackPath(CALLBACK, "fail"));
        assertThat(failure.getBodyAsString()).contains("\"ErrorType\":\"InvalidFraudCheckRequest\"")
                .contains("sinLast4");
    }

    @Test
    void withoutACallbackIdNothingIsSent() {
        assertThatThrownBy(() -> function.handleRequest(
                new FraudCheckRequest("alice-001", "1111", BigDecimal.TEN, null), null))
                .hasMessageStartingWith("callbackId:");
        assertThat(lambda.requests()).isEmpty();
    }
}
