package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.retry.RetryDecision;
import software.amazon.lambda.durable.retry.RetryStrategy;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Default mode runs the code outside steps of every branch, item and child context at the same time, as the official
 * SDK does. Seen in its sources (aws/aws-durable-execution-sdk-java): {@code ChildContextOperation.executeChildContext}
 * hands the child context's function to the user-configured executor ({@code runUserHandler(..., ThreadType.CONTEXT)},
 * "Execute user provided child context code in user-configured executor"), and parallel branches and map items are
 * child contexts ({@code ConcurrencyOperation} makes a {@code ChildContextOperation} per item); {@code docs/design.md},
 * "ChildContextPrimitive": "Child contexts run a user function in a separate thread with its own DurableContext". So a
 * branch that blocks outside a step holds no other branch up (given enough executor threads; the default executor is
 * a cached pool). What stays the engine's own: quick units still run one after the other, in the order they were
 * added, so their history is the same on every run (one of the outcomes the official SDK can give).
 */
class ConcurrentCodeParityTest {

    private static final long PATIENCE_SECONDS = 30;

    @BeforeEach
    void defaultModeOnly() {
        // Learning mode runs the units one after the other on the handler's thread, on purpose: units that meet
        // there would each wait out their patience.
        assumeFalse("strict".equalsIgnoreCase(System.getProperty(ReplayMode.PROPERTY)), "default mode only");
    }

    @Test
    void twoBranchesCoordinatingThroughALatchOutsideStepsBothComplete() {
        // The first branch waits, outside any step, for a latch that the second counts down outside any step: with a
        // thread per branch both go on.
        var latch = new CountDownLatch(1);
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("meet");
            DurableFuture<String> waiting = fan.branch("waiting", String.class, c -> {
                boolean met = awaitQuietly(latch);
                return c.step("after-latch", String.class, () -> met ? "met" : "gave up");
            });
            DurableFuture<String> arriving = fan.branch("arriving", String.class, c -> {
                String arrived = c.step("before-count-down", String.class, () -> "arrived");
                latch.countDown();
                return arrived;
            });
            return waiting.get() + ", " + arriving.get() + ", " + fan.get().succeeded() + " succeeded";
        });

        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.getResult(String.class)).isEqualTo("met, arrived, 2 succeeded");
        assertThat(done.getOperation("after-latch").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void twoMapItemsMeetAtABarrierOutsideSteps() {
        // A barrier for two opens only when both items' code runs at the same time.
        var barrier = new CyclicBarrier(2);
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<String> result = ctx.map("pair", List.of("left", "right"), String.class, (item, index, c) -> {
                boolean met = meetQuietly(barrier);
                return c.step("report-" + item, String.class, () -> item + (met ? " met" : " alone"));
            });
            return String.join(", ", result.results());
        });

        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.getResult(String.class)).isEqualTo("left met, right met");
    }

    @Test
    void aBranchSleepingOutsideAStepDoesNotHoldUpAnotherBranchsStep() {
        // The first branch sleeps 600 ms outside any step; the second branch's step ends long before it wakes.
        // (Only the order is asserted: the second branch has the whole 600 ms minus the 100 ms the engine lets a
        // new unit run alone.)
        var sleeperWoke = new AtomicLong();
        var quickStepEnded = new AtomicLong();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("sleep-and-step");
            fan.branch("sleeper", String.class, c -> {
                sleepQuietly(600);
                sleeperWoke.set(System.nanoTime());
                return c.step("after-sleep", String.class, () -> "rested");
            });
            fan.branch("quick", String.class, c -> c.step("quick-step", String.class, () -> {
                quickStepEnded.set(System.nanoTime());
                return "done";
            }));
            return fan.get().succeeded() + " succeeded";
        });

        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("2 succeeded");
        assertThat(quickStepEnded.get()).as("the quick branch's step ended before the sleeping branch woke")
                .isPositive().isLessThan(sleeperWoke.get());
    }

    @Test
    void aRetryStrategyThatBlocksHoldsNoOtherBranchUp() {
        // A retry strategy is the execution's own code too: the first branch's strategy waits for a latch that the
        // second branch counts down outside any step.
        var latch = new CountDownLatch(1);
        var metInTheStrategy = new AtomicBoolean();
        RetryStrategy waitForTheOtherBranch = (error, attempt) -> {
            metInTheStrategy.set(awaitQuietly(latch));
            return RetryDecision.fail();
        };
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("retry-and-release");
            fan.branch("failing", String.class, c -> c.step("flaky", String.class, () -> {
                throw new IllegalStateException("down");
            }, StepConfig.builder().retryStrategy(waitForTheOtherBranch).build()));
            fan.branch("releasing", String.class, c -> {
                latch.countDown();
                return "released";
            });
            var result = fan.get();
            return result.succeeded() + " succeeded, " + result.failed() + " failed";
        });

        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(metInTheStrategy).as("the strategy met the other branch").isTrue();
        assertThat(done.getResult(String.class)).isEqualTo("1 succeeded, 1 failed");
        assertThat(done.getOperation("flaky").getStatus()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void quickBranchesAndItemsGiveTheSameHistoryInTheOrderTheyWereAddedOnEveryRun() {
        // The units' code outside steps may run at the same time, but a new unit still runs alone until it ends (it
        // is quick here): every run gives the operations and events in branch and item order.
        List<String> expectedOperations = List.of("fan", "a", "a-1", "a-2", "b", "b-1", "b-2", "c", "c-1", "c-2",
                "items", "items-iteration-0", "item-0", "items-iteration-1", "item-1", "items-iteration-2", "item-2");
        List<String> firstEvents = null;
        for (int run = 0; run < 20; run++) {
            var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
                var fan = ctx.parallel("fan");
                for (String name : List.of("a", "b", "c")) {
                    fan.branch(name, String.class, c -> {
                        String first = c.step(name + "-1", String.class, () -> name);
                        String between = first.repeat(3).toUpperCase();
                        return c.step(name + "-2", String.class, () -> between);
                    });
                }
                fan.get();
                MapResult<Integer> squares = ctx.map("items", List.of(1, 2, 3), Integer.class, (item, index, c) -> {
                    int doubled = item * 2;
                    return c.step("item-" + index, Integer.class, () -> doubled * item / 2);
                });
                return String.valueOf(squares.results());
            });

            TestResult<String> done = runner.runUntilComplete("x");

            assertThat(done.getResult(String.class)).isEqualTo("[1, 4, 9]");
            assertThat(done.getOperations()).extracting(TestOperation::getName).as("operations of run %d", run)
                    .containsExactlyElementsOf(expectedOperations);
            List<String> events = new ArrayList<>();
            for (Event e : done.getHistoryEvents()) {
                events.add(e.eventType() + " " + e.name());
            }
            if (firstEvents == null) {
                firstEvents = events;
            } else {
                assertThat(events).as("events of run %d", run).isEqualTo(firstEvents);
            }
        }
    }

    @Test
    void aBranchSuspendingDoesNotSuspendAnotherBranchThatIsStillWorking() {
        // The first branch's wait suspends it; while that suspension is still on its way out of the branch's code
        // (held up in a finally block), the second branch starts a step. The suspension is the first branch's own:
        // the second branch's step runs and succeeds in this same invocation, as on the official SDK, where a
        // branch that waits only parks its own thread.
        var secondStarted = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("wait-and-work");
            fan.branch("waiting", String.class, c -> {
                try {
                    c.wait("pause", Duration.ofMinutes(5));
                    return "woke";
                } finally {
                    awaitQuietly(secondStarted);
                    awaitQuietly(secondDone);
                }
            });
            fan.branch("working", String.class, c -> {
                secondStarted.countDown();
                String worked = c.step("work", String.class, () -> "worked");
                secondDone.countDown();
                return worked;
            });
            return fan.get().succeeded() + " succeeded";
        });

        TestResult<String> first = runner.run("x");

        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(first.getOperation("work").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(first.getOperation("working").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("2 succeeded");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean meetQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (BrokenBarrierException | TimeoutException e) {
            return false;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
