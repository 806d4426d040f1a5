package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.StepSemantics;
import software.amazon.lambda.durable.exception.StepFailedException;
import software.amazon.lambda.durable.exception.StepInterruptedException;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

class StepTest {

    record Order(String id, int quantity, List<String> tags) { }

    /** A result Jackson can write but not read back: no creator, no setters. */
    static final class WriteOnly {
        private final String value;

        WriteOnly(String value) {
            this.value = value;
        }

        public String getValue() {
            return value;
        }
    }

    @Test
    void aFirstRunReturnsTheSerializedRoundTripNotTheStepsOwnObject() {
        List<String> returned = new java.util.ArrayList<>(List.of("a"));
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            List<String> got = ctx.step("list", new TypeToken<List<String>>() { }, step -> returned);
            // Mutating the result must not reach what the step returned: on a replay there is only the checkpoint.
            return (got == returned ? "same" : "copy") + got;
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("copy[a]");
    }

    @Test
    void aResultThatCannotBeReadBackFailsOnTheFirstRunNotOnlyOnReplay() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("write-only", WriteOnly.class, step -> new WriteOnly("v")).getValue());

        TestResult<String> result = runner.runUntilComplete("x");

        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().orElseThrow().errorMessage()).contains("Could not deserialize");
    }

    @Test
    void completedStepsReplayFromTheirCheckpointInsteadOfRunningAgain() {
        AtomicInteger handlerRuns = new AtomicInteger();
        AtomicInteger firstStepRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            handlerRuns.incrementAndGet();
            String a = ctx.step("first", String.class, () -> {
                firstStepRuns.incrementAndGet();
                return in + "-a";
            });
            ctx.wait("pause", Duration.ofMinutes(5));
            return ctx.step("second", String.class, () -> a + "-b");
        });

        TestResult<String> first = runner.run("x");
        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(runner.getOperation("pause").getStatus()).isEqualTo(OperationStatus.STARTED);

        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.getResult(String.class)).isEqualTo("x-a-b");
        // run() suspended; runUntilComplete invokes again (still waiting), lets the time pass and invokes once more.
        assertThat(handlerRuns).hasValue(3);
        assertThat(firstStepRuns).hasValue(1);
        assertThat(done.getOperation("first").getType()).isEqualTo(OperationType.STEP);
        assertThat(done.getOperation("first").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.getOperation("pause").getType()).isEqualTo(OperationType.WAIT);
        assertThat(done.getOperation("pause").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.getOperation("first").getStepResult(String.class)).isEqualTo("x-a");
    }

    @Test
    void recordsGenericsAndNullSurviveTheCheckpointRoundTrip() {
        var runner = LocalDurableTestRunner.create(Order.class, (Order in, DurableContext ctx) -> {
            Order copy = ctx.step("copy", Order.class, () -> new Order(in.id(), in.quantity() + 1, in.tags()));
            Map<String, List<Integer>> map = ctx.step("map", new TypeToken<Map<String, List<Integer>>>() { },
                    () -> Map.of("k", List.of(1, 2)));
            Void nothing = ctx.step("nothing", Void.class, () -> null);
            ctx.wait("w", Duration.ofSeconds(1));
            // After the wait these come from the checkpoint log, deserialized with their declared types.
            return copy.id() + copy.quantity() + copy.tags() + map.get("k").get(1) + nothing;
        });
        TestResult<String> result = runner.withOutputType(String.class).runUntilComplete(new Order("o1", 1, List.of("a")));
        assertThat(result.getResult()).isEqualTo("o12[a]2null");
        assertThat(result.getOperation("copy").getStepResult(Order.class)).isEqualTo(new Order("o1", 2, List.of("a")));
    }

    @Test
    void retriesUseTheStrategyAndCountAttemptsFromOne() {
        AtomicInteger runs = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("flaky", String.class, s -> {
                    runs.incrementAndGet();
                    if (s.getAttempt() < 3) {
                        throw new IllegalStateException("boom " + s.getAttempt());
                    }
                    return "ok on " + s.getAttempt();
                }, StepConfig.builder().retryStrategy(RetryStrategies.fixedDelay(5, Duration.ofSeconds(10))).build()));

        TestResult<String> first = runner.run("x");
        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(runner.getOperation("flaky").getStatus()).isEqualTo(OperationStatus.PENDING);
        assertThat(runner.getOperation("flaky").getError().errorMessage()).isEqualTo("boom 1");

        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("ok on 3");
        assertThat(runs).hasValue(3);
        // The log counts attempts that ended in a retry or a failure: two here; a success adds none.
        assertThat(done.getOperation("flaky").getAttempt()).isEqualTo(2);
        assertThat(done.getOperation("flaky").getStepDetails().attempt()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesRethrowTheOriginalExceptionAndRecordItsTypeAndMessage() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("always-fails", String.class, () -> {
                    throw new IllegalArgumentException("TODO 1.1: read the item");
                }, StepConfig.builder().retryStrategy(RetryStrategies.fixedDelay(2, Duration.ofSeconds(1))).build()));
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError()).get().satisfies(e -> {
            assertThat(e.errorType()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(e.errorMessage()).isEqualTo("TODO 1.1: read the item");
        });
        var op = result.getOperation("always-fails");
        assertThat(op.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.getError().errorType()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(op.getAttempt()).isEqualTo(2);
    }

    @Test
    void userCodeCatchesTheOriginalExceptionTypeOfAFailedStep() {
        AtomicInteger handlerRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            handlerRuns.incrementAndGet();
            String r;
            try {
                r = ctx.step("fails", String.class, () -> {
                    throw new IllegalStateException("nope");
                }, StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build());
            } catch (IllegalStateException e) {
                r = "caught " + e.getMessage();
            }
            ctx.wait("w", Duration.ofSeconds(1));
            return r;
        });
        // The second invocation gets the exception back from the checkpoint, not by running the step again.
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("caught nope");
        assertThat(handlerRuns).hasValue(2);
    }

    @Test
    void aTodoThrownInAStepFailsTheExecutionWithItsOwnTypeAndMessageAfterDefaultRetries() {
        AtomicInteger attempts = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("read-item", String.class, () -> {
                    attempts.incrementAndGet();
                    throw new UnsupportedOperationException("TODO 1.1: read the item");
                }));
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorType()).isEqualTo(UnsupportedOperationException.class.getName());
        assertThat(result.getError().get().errorMessage()).isEqualTo("TODO 1.1: read the item");
        assertThat(attempts.get()).as("the default strategy retried").isGreaterThan(1);
        assertThat(result.getOperation("read-item").getAttempt()).isEqualTo(attempts.get());
    }

    static class NotRebuildable extends RuntimeException {
        NotRebuildable(int code) {
            super("code " + code);
        }
    }

    @Test
    void anExceptionThatCannotBeRebuiltArrivesAsStepFailedException() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.step("odd", String.class, () -> {
                    throw new NotRebuildable(7);
                }, StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build());
            } catch (StepFailedException e) {
                return e.getErrorObject().errorType() + ": " + e.getMessage();
            }
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo(NotRebuildable.class.getName() + ": Step failed with error of type "
                        + NotRebuildable.class.getName() + ". Message: code 7");
    }

    @Test
    void atLeastOnceStepFoundStartedRunsAgainButAtMostOnceIsInterrupted() {
        AtomicInteger leastRuns = new AtomicInteger();
        var least = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("charge", String.class, () -> "charged " + leastRuns.incrementAndGet()));
        least.runUntilComplete("x");
        least.resetCheckpointToStarted("charge");
        assertThat(least.runUntilComplete("x").getResult(String.class)).isEqualTo("charged 2");

        AtomicInteger mostRuns = new AtomicInteger();
        var most = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("charge", String.class, () -> "charged " + mostRuns.incrementAndGet(),
                        StepConfig.builder().semanticsPerRetry(StepSemantics.AT_MOST_ONCE_PER_RETRY)
                                .retryStrategy(RetryStrategies.Presets.NO_RETRY).build()));
        most.runUntilComplete("x");
        most.resetCheckpointToStarted("charge");
        TestResult<String> result = most.runUntilComplete("x");
        assertThat(mostRuns).hasValue(1);
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorType()).isEqualTo(StepInterruptedException.class.getName());
    }

    @Test
    void lostFireAndForgetCheckpointMeansTheStepRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("send", String.class, () -> "sent " + runs.incrementAndGet()));
        runner.runUntilComplete("x");
        runner.simulateFireAndForgetCheckpointLoss("send");
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("sent 2");
    }

    @Test
    void asyncStepsAndAllOf() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableFuture<String> a = ctx.stepAsync("a", String.class, () -> "A");
            DurableFuture<String> b = ctx.stepAsync("b", String.class, () -> "B");
            return String.join("", DurableFuture.allOf(a, b));
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("AB");
    }

    @Test
    void isReplayingIsTrueOnlyWhileCompletedOperationsReplay() {
        List<Boolean> seen = new java.util.ArrayList<>();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            seen.add(ctx.isReplaying());
            ctx.step("s", String.class, () -> "v");
            ctx.wait("w", Duration.ofSeconds(10));
            seen.add(ctx.isReplaying());
            return "done";
        });
        runner.runUntilComplete("x");
        assertThat(seen).containsExactly(false, true, false);
    }

    static class Greeter extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String input, DurableContext context) {
            return context.step("greet", String.class, () -> "hello " + input);
        }
    }

    @Test
    void handlerClassesNeedAnOutputTypeForGetResultAndRefuseTheLambdaEntryPoint() {
        var runner = LocalDurableTestRunner.create(String.class, new Greeter());
        // As in the official runner, the output type is not taken from the handler class.
        TestResult<String> untyped = runner.runUntilComplete("ann");
        assertThatThrownBy(untyped::getResult).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ResultType cannot be null");
        assertThat(untyped.getResult(String.class)).isEqualTo("hello ann");
        assertThat(runner.withOutputType(String.class).runUntilComplete("ann").getResult()).isEqualTo("hello ann");
        assertThatThrownBy(() -> new Greeter().handleRequest(
                new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream(), null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("-Ddurable.sdk=aws")
                .hasMessageContaining("official AWS Durable Execution SDK");
    }
}
