package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.local.engine.OperationIds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.ParallelDurableFuture;
import software.amazon.lambda.durable.config.CompletionConfig;
import software.amazon.lambda.durable.config.MapConfig;
import software.amazon.lambda.durable.config.ParallelConfig;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.WithRetryConfig;
import software.amazon.lambda.durable.exception.ChildContextFailedException;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

class ContextParallelMapTest {

    @Test
    void childContextCheckpointsItsResultAndIsNotReRunOnReplay() {
        AtomicInteger childBodyRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            String r = ctx.runInChildContext("prepare", String.class, child -> {
                childBodyRuns.incrementAndGet();
                return child.step("inner", String.class, () -> "prepared " + in);
            });
            ctx.wait("pause", Duration.ofSeconds(5));
            return r;
        });
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("prepared x");
        assertThat(childBodyRuns).hasValue(1);
        var context = done.getOperation("prepare");
        assertThat(context.getType()).isEqualTo(OperationType.CONTEXT);
        assertThat(context.getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        var inner = runner.getOperation("inner");
        assertThat(inner.getType()).isEqualTo(OperationType.STEP);
        assertThat(inner.getId()).isEqualTo(OperationIds.hash(context.getId() + "-1"));
    }

    @Test
    void childContextsKeepTheirOwnCounterSoIdsAreDeterministic() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.step("a", String.class, () -> "a");
            ctx.runInChildContext("c", String.class, child -> {
                child.step("b", String.class, () -> "b");
                return child.step("c2", String.class, () -> "c2");
            });
            return ctx.step("d", String.class, () -> "d");
        });
        TestResult<String> done = runner.runUntilComplete("x");
        // The official SDK's ids: sha256 of the sequence number, of "<parent id>-<n>" inside a child context.
        String c = OperationIds.hash("2");
        assertThat(done.getOperations()).extracting(o -> o.getName() + "=" + o.getId())
                .containsExactly("a=" + OperationIds.hash("1"), "c=" + c, "b=" + OperationIds.hash(c + "-1"),
                        "c2=" + OperationIds.hash(c + "-2"), "d=" + OperationIds.hash("3"));
    }

    @Test
    void failingChildContextRethrowsTheOriginalExceptionElseChildContextFailedException() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.runInChildContext("bad", String.class, child -> {
                    throw new IllegalStateException("TODO 2.1: something");
                });
            } catch (IllegalStateException e) {
                return "child failed: " + e.getMessage();
            }
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("child failed: TODO 2.1: something");
        assertThat(runner.getOperation("bad").getStatus()).isEqualTo(OperationStatus.FAILED);

        var opaque = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.runInChildContext("bad", String.class, child -> {
                    throw new StepTest.NotRebuildable(3);
                });
            } catch (ChildContextFailedException e) {
                return "wrapped: " + e.getMessage();
            }
        });
        assertThat(opaque.runUntilComplete("x").getResult(String.class)).isEqualTo("wrapped: Child context failed "
                + "with error of type " + StepTest.NotRebuildable.class.getName() + ". Message: code 3");
    }

    @Test
    void parallelRunsBranchesAsChildContextsAndReportsCounts() {
        AtomicInteger branchRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ParallelDurableFuture parallel = ctx.parallel("fan-out");
            DurableFuture<String> a = parallel.branch("a", String.class, b -> {
                branchRuns.incrementAndGet();
                b.wait("slow", Duration.ofMinutes(1));
                return b.step("a-step", String.class, () -> "A");
            });
            DurableFuture<String> bad = parallel.branch("b", String.class, b -> b.step("b-step", String.class, () -> {
                throw new IllegalStateException("b broke");
            }, StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build()));
            ParallelResult result = parallel.get();
            String badOutcome;
            try {
                badOutcome = bad.get();
            } catch (IllegalStateException e) {
                badOutcome = "failed(" + e.getMessage() + ")";
            }
            return a.get() + " " + badOutcome + " " + result.succeeded() + "/" + result.failed() + "/" + result.size()
                    + " " + result.completionStatus() + " " + result.statuses();
        });
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class))
                .isEqualTo("A failed(b broke) 1/1/2 ALL_COMPLETED [SUCCEEDED, FAILED]");
        assertThat(done.getOperation("fan-out").getSubtype()).isEqualTo(OperationSubType.PARALLEL.getValue());
        assertThat(done.getOperation("a").getType()).isEqualTo(OperationType.CONTEXT);
        assertThat(done.getOperation("a").getSubtype()).isEqualTo(OperationSubType.PARALLEL_BRANCH.getValue());
        assertThat(branchRuns).as("branch a runs again after its wait").hasValue(2);
    }

    /** A cached pool that counts the tasks it is given, to show that DurableConfig's executor runs the work. */
    private static ExecutorService countingPool(AtomicInteger tasks) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>()) {
            @Override
            public void execute(Runnable task) {
                tasks.incrementAndGet();
                super.execute(task);
            }
        };
    }

    @Test
    void branchesRunAtTheSameTimeOnTheExecutorSoAStepCanWaitForItsSiblings() {
        // As in the official SDK, each branch and each step's code runs on a thread of DurableConfig's executor:
        // a step that waits for its sibling's step meets it, and neither runs on the handler's thread.
        AtomicInteger executorTasks = new AtomicInteger();
        ExecutorService executor = countingPool(executorTasks);
        var latch = new CountDownLatch(1);
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            Thread handler = Thread.currentThread();
            var fan = ctx.parallel("meet");
            DurableFuture<String> waiting = fan.branch("waiting", String.class, c -> c.step("await", String.class,
                    () -> {
                        try {
                            return (latch.await(10, TimeUnit.SECONDS) ? "met" : "alone")
                                    + (Thread.currentThread() == handler ? " on the handler's thread" : "");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return "interrupted";
                        }
                    }));
            DurableFuture<String> arriving = fan.branch("arriving", String.class,
                    c -> c.step("count-down", String.class, () -> {
                        latch.countDown();
                        return "arrived";
                    }));
            ParallelResult result = fan.get();
            return waiting.get() + ", " + arriving.get() + ", " + result.succeeded() + " succeeded";
        }, DurableConfig.builder().withExecutorService(executor).build());
        try {
            TestResult<String> done = runner.runUntilComplete("x");
            assertThat(done.getResult(String.class)).isEqualTo("met, arrived, 2 succeeded");
            assertThat(done.getOperation("await").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
            // Two branches and two steps.
            assertThat(executorTasks).as("tasks given to the configured executor").hasValue(4);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aStepOfTheHandlerRunsOnTheExecutor() {
        AtomicInteger executorTasks = new AtomicInteger();
        ExecutorService executor = countingPool(executorTasks);
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            Thread handler = Thread.currentThread();
            return ctx.step("where", String.class,
                    () -> Thread.currentThread() == handler ? "the handler's thread" : "an executor thread");
        }, DurableConfig.builder().withExecutorService(executor).build());
        try {
            assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("an executor thread");
            assertThat(executorTasks).hasValue(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anAsyncStepRunsWhileTheHandlerGoesOn() {
        // The handler's next step releases the latch the async step waits for: both complete, as on the official SDK.
        var latch = new CountDownLatch(1);
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableFuture<String> waiting = ctx.stepAsync("await", String.class, s -> {
                try {
                    return latch.await(10, TimeUnit.SECONDS) ? "met" : "alone";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            });
            String arrived = ctx.step("count-down", String.class, () -> {
                latch.countDown();
                return "arrived";
            });
            return waiting.get() + ", " + arrived;
        });
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("met, arrived");
        assertThat(done.getOperation("await").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void blockingStepsInTwoBranchesOverlap() {
        // Each branch sleeps 600 ms in a step: both sleep at the same time, so together they take about the
        // longest, not the sum.
        AtomicInteger sleeping = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("slow");
            for (String name : List.of("a", "b")) {
                fan.branch(name, Integer.class, c -> c.step(name + "-sleep", Integer.class, () -> {
                    mostAtOnce.accumulateAndGet(sleeping.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(600);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        sleeping.decrementAndGet();
                    }
                    return 1;
                }));
            }
            return fan.get().succeeded();
        });
        long started = System.nanoTime();
        TestResult<Integer> done = runner.runUntilComplete("x");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(done.getResult(Integer.class)).isEqualTo(2);
        assertThat(mostAtOnce).as("steps sleeping at the same time").hasValue(2);
        assertThat(millis).as("two 600 ms steps in two branches take less than their sum").isLessThan(1200);
    }

    @Test
    void maxConcurrencyHoldsBranchesBackAndFirstSuccessfulSkipsOnlyTheQueuedOnes() {
        // Without a limit every branch starts when it is added (as with the official SDK, where each runs on its
        // own thread), so all of them run; the first success decides the batch, and the branch still running then
        // counts as skipped.
        AtomicInteger runs = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ParallelDurableFuture p = ctx.parallel("race", ParallelConfig.builder()
                    .completionConfig(CompletionConfig.firstSuccessful()).build());
            p.branch("one", String.class, b -> "1" + runs.incrementAndGet());
            p.branch("two", String.class, b -> "2" + runs.incrementAndGet());
            ParallelResult r = p.get();
            return r.succeeded() + " " + r.skipped() + " " + r.completionStatus();
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("1 1 MIN_SUCCESSFUL_REACHED");
        assertThat(runs).hasValue(2);

        // With one slot, the second branch is queued, and the decision keeps it from starting.
        var oneSlot = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ParallelDurableFuture p = ctx.parallel("race", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.firstSuccessful()).build());
            p.branch("one", String.class, b -> "1");
            p.branch("two", String.class, b -> "2");
            ParallelResult r = p.get();
            return r.succeeded() + " " + r.skipped() + " " + r.completionStatus();
        });
        assertThat(oneSlot.runUntilComplete("x").getResult(String.class)).isEqualTo("1 1 MIN_SUCCESSFUL_REACHED");

        List<String> order = new java.util.ArrayList<>();
        var limited = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ParallelDurableFuture p = ctx.parallel("limited", ParallelConfig.builder().maxConcurrency(1).build());
            for (String n : List.of("p", "q")) {
                p.branch(n, String.class, b -> {
                    order.add(n);
                    b.wait(n + "-wait", Duration.ofSeconds(10));
                    return n;
                });
            }
            return p.get().succeeded() + "";
        });
        TestResult<String> first = limited.run("x");
        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(order).as("q waits for a free slot").containsExactly("p");
        assertThat(limited.runUntilComplete("x").getResult(String.class)).isEqualTo("2");
    }

    @Test
    void mapWithoutALimitRunsEveryItemEvenAfterMinSuccessfulIsReached() {
        AtomicInteger checks = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<String> r = ctx.map("bureaus", List.of("a", "b", "c", "d"), String.class,
                    (bureau, index, c) -> c.step("check", String.class, step -> bureau + checks.incrementAndGet()),
                    MapConfig.builder().completionConfig(CompletionConfig.minSuccessful(2)).build());
            return r.completionReason() + "";
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("MIN_SUCCESSFUL_REACHED");
        assertThat(checks).as("every item started when the map began, as with the official SDK").hasValue(4);
    }

    @Test
    void mapRunsEveryItemAsAChildContextAndCollectsResultsAndErrors() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> r = ctx.map("square", List.of(1, 2, 3), Integer.class, (item, index, c) ->
                    c.step("sq-" + index, Integer.class, () -> {
                        if (item == 2) {
                            throw new IllegalArgumentException("two is bad");
                        }
                        return item * item;
                    }, StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build()),
                    MapConfig.builder().completionConfig(CompletionConfig.allCompleted()).build());
            return r.getResult(0) + "," + r.getResult(2) + " failed=" + r.failed().size() + " "
                    + r.getError(1).errorMessage() + " " + r.completionReason();
        });
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("1,9 failed=1 two is bad ALL_COMPLETED");
        assertThat(done.getOperation("square").getSubtype()).isEqualTo(OperationSubType.MAP.getValue());
        assertThat(done.getOperation("square-iteration-0").getSubtype()).isEqualTo(OperationSubType.MAP_ITERATION.getValue());
    }

    @Test
    void withRetryRetriesTheWholeBlockAndReplaysCompletedAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.withRetry("reserve", (attempt, c) -> {
                    String v = c.step("try-" + attempt, String.class, () -> {
                        attempts.incrementAndGet();
                        if (attempt < 2) {
                            throw new IllegalStateException("busy");
                        }
                        return "reserved on " + attempt;
                    }, StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build());
                    return v;
                }, WithRetryConfig.builder().retryStrategy(RetryStrategies.fixedDelay(3, Duration.ofSeconds(2))).build()));
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("reserved on 2");
        assertThat(attempts).hasValue(2);
    }

    private static final class ExecutionStatus {
        static final software.amazon.lambda.durable.model.ExecutionStatus PENDING =
                software.amazon.lambda.durable.model.ExecutionStatus.PENDING;
    }

    @Test
    void completionConfigFailureToleranceIsReported() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ParallelDurableFuture p = ctx.parallel("strict", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.allSuccessful()).build());
            p.branch("bad", String.class, b -> {
                throw new IllegalStateException("x");
            });
            p.branch("never", String.class, b -> "n"); // queued behind "bad", then never started
            ParallelResult r = p.get();
            return r.completionStatus() + " " + r.statuses();
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED + " [FAILED, SKIPPED]");
    }
}
