package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.config.WaitForConditionConfig;
import software.amazon.lambda.durable.exception.WaitForConditionFailedException;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.model.WaitForConditionResult;
import software.amazon.lambda.durable.retry.WaitStrategies;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

class WaitAndConditionTest {

    @Test
    void waitSuspendsUntilVirtualTimePassesWithoutSleeping() {
        AtomicInteger runs = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            runs.incrementAndGet();
            ctx.wait("a-day", Duration.ofDays(1));
            return "woke";
        });
        long start = System.nanoTime();
        assertThat(runner.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(runner.run("x").getStatus()).as("no time passed yet").isEqualTo(ExecutionStatus.PENDING);
        runner.advanceTime();
        TestResult<String> done = runner.run("x");
        assertThat(done.getResult(String.class)).isEqualTo("woke");
        assertThat(runs).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // The day passed in virtual time: the wait ended exactly when it was scheduled to.
        TestOperation wait = done.getOperation("a-day");
        assertThat(wait.getDuration()).isEqualTo(Duration.ofDays(1));
        assertThat(wait.getWaitDetails().scheduledEndTimestamp())
                .isEqualTo(done.getEventsForOperation("a-day").get(0).eventTimestamp().plus(Duration.ofDays(1)));
    }

    @Test
    void aHandlerThatCatchesTheSuspensionStillSuspendsAndStartsNothingAfterIt() {
        AtomicInteger afterCatch = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                ctx.wait("a-day", Duration.ofDays(1));
            } catch (Throwable swallowed) { // SuspendExecutionException is an Error: only this catches it
                try {
                    ctx.step("after-catch", String.class, step -> "ran " + afterCatch.incrementAndGet());
                } catch (Throwable again) {
                    return "fallback"; // the official SDK ignores this: the invocation is already over
                }
            }
            return "woke";
        });

        TestResult<String> first = runner.run("x");

        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(afterCatch).as("no operation starts once the invocation has suspended").hasValue(0);
        assertThat(Traces.of(runner).lastOutcome()).contains("the handler caught the suspension");
        runner.advanceTime();
        assertThat(runner.run("x").getResult(String.class)).isEqualTo("woke");
    }

    @Test
    void waitForConditionPollsWithStateAndCheckpointsEveryPoll() {
        AtomicInteger handlerRuns = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            handlerRuns.incrementAndGet();
            Integer count = ctx.waitForCondition("until-three", Integer.class, (state, step) -> {
                polls.incrementAndGet();
                int next = state + 1;
                return next >= 3 ? WaitForConditionResult.stopPolling(next) : WaitForConditionResult.continuePolling(next);
            }, WaitForConditionConfig.<Integer>builder().initialState(0)
                    .waitStrategy(WaitStrategies.fixedDelay(10, Duration.ofSeconds(30))).build());
            return "count=" + count;
        });
        TestResult<String> first = runner.run("x");
        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(runner.getOperation("until-three").getStepResult(Integer.class)).isEqualTo(1);

        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("count=3");
        assertThat(polls).as("each poll runs once").hasValue(3);
        // run(), then runUntilComplete: one invocation before time moves, then one per remaining poll.
        assertThat(handlerRuns).hasValue(4);
        var op = done.getOperation("until-three");
        assertThat(op.getType()).isEqualTo(OperationType.STEP);
        assertThat(op.getSubtype()).isEqualTo(OperationSubType.WAIT_FOR_CONDITION.getValue());
        assertThat(op.getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        // Polls that asked for another poll are counted; the successful third one is not.
        assertThat(op.getAttempt()).isEqualTo(2);
    }

    @Test
    void waitForConditionFailsWhenTheStrategyRunsOutOfAttempts() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                ctx.waitForCondition("never", String.class, (state, step) -> WaitForConditionResult.continuePolling(state),
                        WaitForConditionConfig.<String>builder().initialState("s")
                                .waitStrategy(WaitStrategies.fixedDelay(4, Duration.ofSeconds(5))).build());
                return "impossible";
            } catch (WaitForConditionFailedException e) {
                return "gave up: " + e.getMessage();
            }
        });
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("gave up: waitForCondition exceeded maximum attempts (4)");
        assertThat(done.getOperation("never").getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.getOperation("never").getAttempt()).isEqualTo(4);
    }
}
