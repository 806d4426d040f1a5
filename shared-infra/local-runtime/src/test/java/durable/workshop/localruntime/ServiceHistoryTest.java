package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * GetDurableExecutionHistory against the service's expected histories (the conformance requirements in
 * service-history-spec): event types, sub-types, the EventId sequence, InvocationCompleted per invocation and
 * the details, with ExecutionStarted as EventId 1 and the execution's end last.
 */
class ServiceHistoryTest extends FixtureRuntime {
    private static List<Event> run(String function, ExecutionStatus expected) throws InterruptedException {
        String arn = lambda.invoke(b -> b.functionName(function + ":live").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}"))).durableExecutionArn();
        assertThat(Fixtures.awaitExecution(lambda, arn, r -> r.status() != ExecutionStatus.RUNNING).status())
                .isEqualTo(expected);
        List<Event> events = lambda.getDurableExecutionHistory(b -> b.durableExecutionArn(arn)).events();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).eventId()).isEqualTo(i + 1);
        }
        return events;
    }

    /** Spec wait 2.2: WaitStarted (Duration 2), InvocationCompleted, WaitSucceeded (Duration 2), InvocationCompleted. */
    @Test
    void aNamedWait() throws Exception {
        List<Event> events = run("fixture-wait", ExecutionStatus.SUCCEEDED);
        assertThat(events).extracting(Event::eventTypeAsString).containsExactly("ExecutionStarted", "WaitStarted",
                "InvocationCompleted", "WaitSucceeded", "InvocationCompleted", "ExecutionSucceeded");
        Event started = events.get(1);
        Event succeeded = events.get(3);
        assertThat(started.subType()).isEqualTo("Wait");
        assertThat(started.name()).isEqualTo("custom_wait_name");
        assertThat(started.waitStartedDetails().duration()).isEqualTo(2);
        assertThat(succeeded.id()).isEqualTo(started.id());
        assertThat(succeeded.waitSucceededDetails().duration()).isEqualTo(2);
        assertThat(events.get(5).executionSucceededDetails().result().payload()).isEqualTo("\"done\"");
    }

    /** Spec step 1.12: four attempts, each StepStarted + StepFailed with its RetryDetails, each its own invocation. */
    @Test
    void aStepThatExhaustsItsRetries() throws Exception {
        List<Event> events = run("fixture-retry", ExecutionStatus.FAILED);
        assertThat(events).extracting(Event::eventTypeAsString).containsExactly("ExecutionStarted",
                "StepStarted", "StepFailed", "InvocationCompleted",
                "StepStarted", "StepFailed", "InvocationCompleted",
                "StepStarted", "StepFailed", "InvocationCompleted",
                "StepStarted", "StepFailed", "InvocationCompleted", "ExecutionFailed");
        List<Event> failures = events.stream().filter(e -> e.stepFailedDetails() != null).toList();
        for (int i = 0; i < 4; i++) {
            Event f = failures.get(i);
            assertThat(f.subType()).isEqualTo("Step");
            assertThat(f.stepFailedDetails().retryDetails().currentAttempt()).isEqualTo(i + 1);
            assertThat(f.stepFailedDetails().retryDetails().nextAttemptDelaySeconds()).isEqualTo(i < 3 ? 1 : null);
            assertThat(f.stepFailedDetails().error().payload().errorMessage()).isEqualTo("attempt " + (i + 1));
        }
        assertThat(events.get(events.size() - 1).executionFailedDetails().error().payload().errorType())
                .isEqualTo("java.lang.IllegalStateException");
    }
}
