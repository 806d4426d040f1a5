package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.localruntime.fixture.ApprovalFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** Durability, shown: an execution waiting for a callback survives a stop and start of the runtime. */
class RestartTest {

    @Test
    void anExecutionWaitingForACallbackResumesAfterARestart(@TempDir Path state) throws Exception {
        int greetingsBefore = ApprovalFixture.GREETINGS.get();
        String arn;
        String callbackId;
        try (LocalRuntime first = Fixtures.start(state); LambdaClient lambda = Fixtures.client(first.endpoint())) {
            arn = lambda.invoke(b -> b.functionName(Fixtures.APPROVAL + ":live").invocationType(InvocationType.EVENT)
                    .durableExecutionName("survives").payload(SdkBytes.fromUtf8String("{\"name\":\"Gil\"}")))
                    .durableExecutionArn();
            callbackId = Fixtures.awaitCallbackId(lambda, arn);
        }

        try (LocalRuntime second = Fixtures.start(state); LambdaClient lambda = Fixtures.client(second.endpoint())) {
            assertThat(lambda.getDurableExecution(b -> b.durableExecutionArn(arn)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId)
                    .result(SdkBytes.fromUtf8String("\"after restart\"")));
            var done = Fixtures.awaitExecution(lambda, arn, r -> r.status() != ExecutionStatus.RUNNING);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.result()).isEqualTo("{\"greeting\":\"hello Gil\",\"answer\":\"after restart\"}");

            // The step ran once, before the restart; afterwards it was replayed from its checkpoint.
            assertThat(ApprovalFixture.GREETINGS.get() - greetingsBefore).isEqualTo(1);
            List<Event> events = lambda.getDurableExecutionHistory(b -> b.durableExecutionArn(arn)).events();
            assertThat(events).filteredOn(e -> e.eventTypeAsString().equals("StepSucceeded")
                    && "greet".equals(e.name())).hasSize(1);
            assertThat(events).filteredOn(e -> e.eventTypeAsString().equals("CallbackStarted")).hasSize(1);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).eventId()).isEqualTo(i + 1);
            }
        }
    }
}
