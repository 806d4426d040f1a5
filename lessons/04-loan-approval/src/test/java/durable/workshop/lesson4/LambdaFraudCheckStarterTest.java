package durable.workshop.lesson4;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The workflow's submitter starts the fraud-check function asynchronously through its alias (not an exercise). */
class LambdaFraudCheckStarterTest {

    @Test
    void invokesTheAliasAsAnEventWithTheCallbackId() throws Exception {
        try (LambdaStub lambda = new LambdaStub()) {
            new LambdaFraudCheckStarter(lambda.client, TestConfig.FRAUD)
                    .start(new FraudCheckRequest("alice-001", "1111", new BigDecimal("150000"), "cb-1"));

            assertThat(lambda.requests()).hasSize(1);
            LoggedRequest invoke = lambda.requests().get(0);
            assertThat(invoke.getUrl()).isEqualTo(LambdaStub.invokePath(TestConfig.FRAUD));
            assertThat(invoke.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
            assertThat(WorkerJson.MAPPER.readTree(invoke.getBodyAsString())).isEqualTo(WorkerJson.MAPPER.readTree(
                    "{\"applicationId\":\"alice-001\",\"sinLast4\":\"1111\",\"amount\":150000,\"callbackId\":\"cb-1\"}"));
        }
    }
}
