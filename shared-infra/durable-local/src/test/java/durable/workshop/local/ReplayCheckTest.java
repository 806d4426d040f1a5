package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.exception.NonDeterministicExecutionException;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Non-determinism detection, strict replay, traces and bad input. */
class ReplayCheckTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty("durable.local.replay");
    }

    @Test
    void strictReplayRunsStepsAndBranchesOnTheHandlersThreadWithoutTheExecutor() {
        // Learning mode suspends after every checkpoint; what each replay sees must not depend on timing, so it
        // keeps every unit on the handler's thread, one after the other.
        System.setProperty("durable.local.replay", "strict");
        AtomicInteger executorTasks = new AtomicInteger();
        ExecutorService executor = new ThreadPoolExecutor(0, 4, 10, TimeUnit.SECONDS, new SynchronousQueue<>()) {
            @Override
            public void execute(Runnable task) {
                executorTasks.incrementAndGet();
                super.execute(task);
            }
        };
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            Thread handler = Thread.currentThread();
            var fan = ctx.parallel("fan");
            DurableFuture<Boolean> branch = fan.branch("b", Boolean.class,
                    c -> c.step("in-branch", Boolean.class, () -> Thread.currentThread() == handler));
            fan.get();
            boolean own = ctx.step("own", Boolean.class, () -> Thread.currentThread() == handler);
            return branch.get() + " " + own;
        }, DurableConfig.builder().withExecutorService(executor).build());
        try {
            assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("true true");
            assertThat(executorTasks).as("tasks given to the executor in learning mode").hasValue(0);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aReplayThatMeetsADifferentOperationFailsNamingBoth() {
        AtomicInteger invocation = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            // Branching on something outside a step: differs between invocations.
            if (invocation.incrementAndGet() == 1) {
                ctx.step("charge-card", String.class, () -> "charged");
            } else {
                ctx.step("send-email", String.class, () -> "sent");
            }
            ctx.wait("pause", Duration.ofSeconds(1));
            return "done";
        });
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorType()).isEqualTo(NonDeterministicExecutionException.class.getName());
        assertThat(result.getError().get().errorMessage())
                .contains("step \"charge-card\"").contains("step \"send-email\"");
    }

    @Test
    void aDifferentOperationTypeAtTheSameIdIsNonDeterministicEvenIfTheHandlerCatchesIt() {
        AtomicInteger invocation = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                if (invocation.incrementAndGet() == 1) {
                    ctx.wait("x", Duration.ofSeconds(1));
                } else {
                    ctx.step("x", String.class, () -> "s");
                }
            } catch (RuntimeException swallowed) {
                return "swallowed";
            }
            return "done";
        });
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorMessage()).contains("wait \"x\"").contains("step \"x\"");
    }

    @Test
    void strictReplayReplaysEveryOperationAndExposesSideEffectsOutsideSteps() {
        List<String> sideEffects = new ArrayList<>();
        AtomicInteger stepRuns = new AtomicInteger();
        var runner = ReplayMode.strict(LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            sideEffects.add("email sent"); // wrong: outside a step, repeats on every replay
            String a = ctx.step("a", String.class, () -> "a" + stepRuns.incrementAndGet());
            String b = ctx.step("b", String.class, () -> "b" + stepRuns.incrementAndGet());
            return a + b;
        }));
        TestResult<String> pending = runner.run("x");
        assertThat(pending.getStatus()).as("strict mode suspends after the first checkpoint")
                .isEqualTo(ExecutionStatus.PENDING);
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("a1b2");
        assertThat(stepRuns).as("step bodies still run once").hasValue(2);
        assertThat(sideEffects).as("one invocation per checkpoint plus the final one").hasSize(3);
        ExecutionTrace trace = Traces.of(runner);
        assertThat(trace.invocationCount()).isEqualTo(3);
        assertThat(trace.replayedCount("a")).isEqualTo(2);
        assertThat(trace.replayedCount("b")).isEqualTo(1);
        assertThat(trace.invocations().get(0).outcome()).contains("strict replay");
    }

    @Test
    void strictReplayCanBeSwitchedOnForEveryRunnerWithASystemProperty() {
        System.setProperty("durable.local.replay", "strict");
        AtomicInteger handlerRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            handlerRuns.incrementAndGet();
            return ctx.step("only", String.class, () -> "v");
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("v");
        assertThat(handlerRuns).hasValue(2);
    }

    @Test
    void traceShowsRanReplayedAndWhyItSuspended() {
        Traces.clear();
        assertThat(Traces.latest()).isEmpty();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.step("read-item", String.class, () -> "item");
            ctx.wait("cool-down", Duration.ofMinutes(5));
            ctx.runInChildContext("ship", String.class, c -> c.step("label", String.class, () -> "L"));
            return "ok";
        });
        runner.runUntilComplete("x");
        ExecutionTrace trace = Traces.latest().orElseThrow();
        String text = trace.render();
        assertThat(text).contains("invocation 1\n  ran step \"read-item\"\n  started wait \"cool-down\" (5m0s)\n"
                + "  suspended: waiting 5m0s for wait \"cool-down\"\n");
        assertThat(text).contains("invocation 2 (+5m0s)\n  replayed step \"read-item\"\n  replayed wait \"cool-down\"\n"
                + "  ran context \"ship\"\n    ran step \"label\"\n  succeeded: \"ok\"\n");
        assertThat(trace.ranCount("read-item")).isEqualTo(1);
        assertThat(trace.replayedCount("read-item")).isEqualTo(1);
    }

    @Test
    void learningModeRefusesBlankOrNullOperationNamesWithAClearMessage() {
        var runner = ReplayMode.strict(LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step(" ", String.class, () -> "v")));
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorType()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(result.getError().get().errorMessage()).contains("step name must not be blank");

        var nullName = ReplayMode.strict(LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.wait(null, Duration.ofSeconds(1));
            return "x";
        }));
        assertThat(nullName.runUntilComplete("x").getError().get().errorMessage())
                .contains("wait name must not be null");
    }

    @Test
    void learningModeFailsStepResultsOver256KbNamingTheStepAndTheSize() {
        var runner = ReplayMode.strict(LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.step("big", String.class, () -> "x".repeat(300_000));
            } catch (RuntimeException e) {
                return "swallowed";
            }
        }));
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorMessage())
                .contains("step \"big\"").contains("300002 bytes").contains("262144");
    }

    @Test
    void durableOperationsInsideAStepAreRefused() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("outer", String.class, () -> ctx.step("inner", String.class, () -> "x")));
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorMessage()).contains("inside step \"outer\"");
    }

    @Test
    void durableOperationsFromAnotherThreadFailTheExecution() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            // The checkpoint log is not thread-safe: a call from another thread must fail, not corrupt it.
            Thread worker = new Thread(() -> {
                try {
                    ctx.step("off-thread", String.class, () -> "x");
                } catch (RuntimeException expected) {
                    // The execution's result reports it.
                }
            }, "worker-1");
            worker.start();
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        });
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorMessage())
                .contains("step \"off-thread\"").contains("\"worker-1\"");
        assertThat(result.getOperations()).isEmpty();
    }

    record Opaque(Object self) { }

    @Test
    void resultsThatCannotBeSerializedFailNamingTheOperation() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.step("opaque", Object.class, () -> new Object());
            return "x";
        });
        TestResult<String> result = runner.runUntilComplete("x");
        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.getError().get().errorMessage()).contains("step \"opaque\"");
    }

    @Test
    void waitsShorterThanOneSecondAreRefused() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.wait("blink", Duration.ofMillis(10));
            return "x";
        });
        assertThat(runner.runUntilComplete("x").getError().get().errorMessage())
                .contains("wait \"blink\" must be at least 1 second");
    }

    @Test
    void runnerActionsBeforeAnyRunAreRefused() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> "x");
        assertThatThrownBy(() -> runner.completeCallback("id", "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call run(input)");
        runner.run("x");
        assertThatThrownBy(() -> runner.resetCheckpointToStarted("nothing"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No operation named \"nothing\"");
    }

    @Test
    void retryDelaysPassInVirtualTime() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("slow-retry", String.class, s -> {
                    if (s.getAttempt() == 1) {
                        throw new IllegalStateException("first");
                    }
                    return "second";
                }, StepConfig.builder().retryStrategy(RetryStrategies.fixedDelay(2, Duration.ofHours(6))).build()));
        long start = System.nanoTime();
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("second");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(Traces.of(runner).invocations().get(1).at()).isEqualTo(Duration.ofHours(6));
    }
}
