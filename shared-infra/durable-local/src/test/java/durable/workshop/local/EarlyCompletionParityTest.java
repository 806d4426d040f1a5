package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.local.engine.OperationIds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.ParallelDurableFuture;
import software.amazon.lambda.durable.config.CompletionConfig;
import software.amazon.lambda.durable.config.CompletionConfig.CompletionDecision;
import software.amazon.lambda.durable.config.MapConfig;
import software.amazon.lambda.durable.config.NestingType;
import software.amazon.lambda.durable.config.ParallelConfig;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Early completion of {@code parallel} and {@code map} in default mode, as the official SDK (release 2.1.0) does it.
 * Sources, all in aws/aws-durable-execution-sdk-java unless said otherwise:
 * <ul>
 *   <li>OPS: sdk/src/main/java/software/amazon/lambda/durable/operation/ParallelOperation.java and MapOperation.java
 *       (handleCompletion: a unit not completed when the batch is decided is SKIPPED; the batch checkpoints its
 *       result then; a replay skips the units recorded as SKIPPED), ConcurrencyOperation.java (the coordinator
 *       starts queued units only while undecided and ends the execution when the decision throws);</li>
 *   <li>CC: sdk/src/main/java/software/amazon/lambda/durable/config/CompletionConfig.java and its test
 *       CompletionConfigTest.java (threshold order, ALL_COMPLETED when minSuccessful is never reached);</li>
 *   <li>PT: sdk/src/test/java/software/amazon/lambda/durable/operation/ParallelOperationTest.java
 *       (minSuccessful_branchRegisteredAfterCheckpointIsIncludedAsSkipped);</li>
 *   <li>IT: sdk-integration-tests/src/test/java/software/amazon/lambda/durable/ParallelIntegrationTest.java and
 *       MapIntegrationTest.java (early termination through LocalDurableTestRunner);</li>
 *   <li>SPEC: the service-history conformance cases (aws/aws-durable-execution-conformance-tests, parallel 8.x and
 *       map 9.x).</li>
 * </ul>
 * Without a concurrency limit the official SDK runs units on threads, so which of them have finished when the first
 * decides the batch depends on timing; here they finish in the order they were added, which is one of the official
 * outcomes: the deciding unit and those before it have their status, the ones after it are SKIPPED and still run.
 */
class EarlyCompletionParityTest {

    private static List<String> events(TestResult<?> result) {
        return result.getHistoryEvents().stream().map(EarlyCompletionParityTest::describe).toList();
    }

    private static String describe(Event e) {
        return e.eventType() + " " + e.name();
    }

    private static ParallelDurableFuture firstSuccessfulRace(DurableContext ctx) {
        return ctx.parallel("race", ParallelConfig.builder().completionConfig(CompletionConfig.firstSuccessful())
                .build());
    }

    /** Three one-step branches without a limit, the first success wins; counts the steps that run. */
    private static String threeSourceRace(DurableContext ctx, AtomicInteger stepRuns) {
        var fan = firstSuccessfulRace(ctx);
        for (String source : List.of("a", "b", "c")) {
            fan.branch("source-" + source, String.class, c -> c.step("fetch-" + source, String.class, () -> {
                stepRuns.incrementAndGet();
                return source;
            }));
        }
        return summary(fan.get());
    }

    private static String summary(ParallelResult r) {
        return r.size() + " " + r.succeeded() + "/" + r.failed() + "/" + r.skipped() + " " + r.completionStatus()
                + " " + r.statuses();
    }

    // ------------------------------------------------------------------ parallel with a concurrency limit

    @Test
    void toleratedFailureCountStopsAtTheFailureTooManyAndTheQueuedBranchNeverRuns() {
        // IT testParallelWithToleratedFailureCount_earlyTermination (size 4, FAILURE_TOLERANCE_EXCEEDED) and
        // SPEC 8.10 (the branch after the second failure never starts).
        AtomicInteger lastRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("tolerated", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.toleratedFailureCount(1)).build());
            fan.branch("ok", String.class, c -> "OK");
            fan.branch("fail1", String.class, c -> {
                throw new IllegalStateException("fail1");
            });
            fan.branch("fail2", String.class, c -> {
                throw new IllegalStateException("fail2");
            });
            fan.branch("ok2", String.class, c -> "OK2" + lastRuns.incrementAndGet());
            return summary(fan.get());
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class))
                .isEqualTo("4 1/2/1 FAILURE_TOLERANCE_EXCEEDED [SUCCEEDED, FAILED, FAILED, SKIPPED]");
        assertThat(lastRuns).hasValue(0);
        assertThat(done.getOperation("ok2")).isNull();
        assertThat(events(done)).containsExactly("ContextStarted tolerated", "ContextStarted ok",
                "ContextSucceeded ok", "ContextStarted fail1", "ContextFailed fail1", "ContextStarted fail2",
                "ContextFailed fail2", "ContextSucceeded tolerated");
        // OPS: the checkpoint holds the statuses of the branches registered when the parallel was decided; get()
        // adds SKIPPED for the ones registered after it.
        assertThat(done.getOperation("tolerated").getContextDetails().result()).isEqualTo("{\"size\":3,"
                + "\"succeeded\":1,\"failed\":2,\"skipped\":0,\"completionStatus\":\"FAILURE_TOLERANCE_EXCEEDED\","
                + "\"statuses\":[\"SUCCEEDED\",\"FAILED\",\"FAILED\"]}");
    }

    @Test
    void minSuccessfulThatIsNeverReachedRunsEveryBranchAndCompletesAsAllCompleted() {
        // SPEC 8.17 and CC: when every item has finished the reason is ALL_COMPLETED, not a failure.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("min-not-reached", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.minSuccessful(3)).build());
            fan.branch("b0", String.class, c -> "b0");
            fan.branch("b1", String.class, c -> {
                throw new IllegalStateException("b1");
            });
            fan.branch("b2", String.class, c -> "b2");
            return summary(fan.get());
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo("3 2/1/0 ALL_COMPLETED [SUCCEEDED, FAILED, SUCCEEDED]");
    }

    @Test
    void minSuccessfulWithToleratedFailuresStopsAtWhicheverComesFirst() {
        // SPEC 8.18: minSuccessful 3 and toleratedFailureCount 1; two failures stop it before branches 2 and 3.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("combined", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(new CompletionConfig(3, 1, null)).build());
            for (int i = 0; i < 4; i++) {
                int n = i;
                fan.branch("b" + i, String.class, c -> {
                    if (n < 2) {
                        throw new IllegalStateException("b" + n);
                    }
                    return "b" + n;
                });
            }
            return summary(fan.get());
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo("4 0/2/2 FAILURE_TOLERANCE_EXCEEDED [FAILED, FAILED, SKIPPED, SKIPPED]");
    }

    @Test
    void aBranchAddedAfterTheParallelWasDecidedIsSkippedAndNeverRuns() {
        // PT minSuccessful_branchRegisteredAfterCheckpointIsIncludedAsSkipped.
        AtomicInteger lateRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("first", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.firstSuccessful()).build());
            fan.branch("early", String.class, c -> "E");
            DurableFuture<String> late = fan.branch("late", String.class, c -> "L" + lateRuns.incrementAndGet());
            String outcome;
            try {
                outcome = late.get();
            } catch (IllegalStateException e) {
                outcome = "late did not run";
            }
            return summary(fan.get()) + " " + outcome;
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo("2 1/0/1 MIN_SUCCESSFUL_REACHED [SUCCEEDED, SKIPPED] late did not run");
        assertThat(lateRuns).hasValue(0);
    }

    // ------------------------------------------------------------------ parallel without a limit

    @Test
    void firstSuccessfulWithoutALimitStartsEveryBranchButReportsOnlyTheWinner() {
        // OPS: every branch starts when it is added; the first success decides and checkpoints the parallel at
        // once; a branch that had not finished by then is SKIPPED in the result, and its own completion is still
        // checkpointed afterwards. IT testParallelWithFirstSuccessful_earlyTermination accepts exactly this.
        AtomicInteger stepRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            return threeSourceRace(ctx, stepRuns);
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class))
                .isEqualTo("3 1/0/2 MIN_SUCCESSFUL_REACHED [SUCCEEDED, SKIPPED, SKIPPED]");
        assertThat(stepRuns).as("every branch ran").hasValue(3);
        assertThat(events(done)).containsExactly("ContextStarted race", "ContextStarted source-a",
                "StepStarted fetch-a", "StepSucceeded fetch-a", "ContextSucceeded source-a",
                "ContextSucceeded race",
                "ContextStarted source-b", "StepStarted fetch-b", "StepSucceeded fetch-b",
                "ContextSucceeded source-b",
                "ContextStarted source-c", "StepStarted fetch-c", "StepSucceeded fetch-c",
                "ContextSucceeded source-c");
        assertThat(done.getOperation("source-c").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);

        // A replay gives the same result: the checkpointed statuses decide, and no step runs again.
        TestResult<String> replayed = runner.run("x");
        assertThat(replayed.getResult(String.class)).isEqualTo(done.getResult(String.class));
        assertThat(stepRuns).hasValue(3);
    }

    @Test
    void aBranchStillWaitingWhenTheParallelWasDecidedNeverResumesOnReplay() {
        // OPS: ParallelOperation.branch skips, on replay, every branch the checkpointed ParallelResult records as
        // SKIPPED, so a branch that was suspended when the parallel completed never runs its remaining code.
        AtomicInteger slowSteps = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = firstSuccessfulRace(ctx);
            fan.branch("slow", String.class, c -> {
                c.wait("nap", Duration.ofMinutes(1));
                return c.step("slow-step", String.class, () -> "S" + slowSteps.incrementAndGet());
            });
            fan.branch("fast", String.class, c -> c.step("fast-step", String.class, () -> "F"));
            String first = summary(fan.get());
            ctx.wait("after", Duration.ofMinutes(5));
            return first;
        });
        assertThat(runner.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("2 1/0/1 MIN_SUCCESSFUL_REACHED [SKIPPED, SUCCEEDED]");
        assertThat(slowSteps).as("the skipped branch's step never runs, even after its wait is over").hasValue(0);
        assertThat(done.getOperation("slow").getStatus()).isEqualTo(OperationStatus.STARTED);
        assertThat(done.getOperation("slow-step")).isNull();
    }

    @Test
    void aParallelThatIsNeverDecidedSucceedsTheExecutionAnywayWhenTheHandlerReturns() {
        // OPS and IT: the handler's result ends the execution; a branch still waiting stays STARTED.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = firstSuccessfulRace(ctx);
            fan.branch("slow", String.class, c -> {
                c.wait("nap", Duration.ofMinutes(1));
                return "S";
            });
            return "returned without get()";
        });
        TestResult<String> done = runner.run("x");

        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.getOperation("race").getStatus()).isEqualTo(OperationStatus.STARTED);
    }

    @Test
    void minSuccessfulLargerThanTheBranchesFailsTheExecution() {
        // CC: the threshold function throws IllegalStateException once every branch is registered; OPS: the
        // concurrency operation ends the execution with IllegalDurableOperationException.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("too-few", ParallelConfig.builder()
                    .completionConfig(CompletionConfig.minSuccessful(3)).build());
            fan.branch("a", String.class, c -> "A");
            fan.branch("b", String.class, c -> "B");
            try {
                return summary(fan.get());
            } catch (RuntimeException e) {
                return "caught " + e;
            }
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.getError()).hasValueSatisfying(error -> {
            assertThat(error.errorType()).isEqualTo(IllegalDurableOperationException.class.getName());
            assertThat(error.errorMessage()).isEqualTo("Unexpected exception in concurrency operation: "
                    + "java.lang.IllegalStateException: minSuccessful (3) exceeds the number of registered items (2)");
        });
    }

    @Test
    void aBranchAddedAfterTheResultWasRequestedIsRefusedInTheSdksWordsAndExplainedInLearningMode() {
        // PO (2.1.0 ParallelOperation.addItem): "Cannot add branches after join() has been called".
        java.util.function.Function<DurableContext, String> lateBranch = ctx -> {
            var fan = ctx.parallel("fan", ParallelConfig.builder().build());
            fan.branch("first", String.class, c -> "a");
            fan.get();
            try {
                fan.branch("late", String.class, c -> "b");
                return "added";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        };
        assertThat(LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> lateBranch.apply(ctx))
                .runUntilComplete("x").getResult(String.class))
                .isEqualTo("Cannot add branches after join() has been called");
        assertThat(ReplayMode.strict(LocalDurableTestRunner.create(String.class,
                        (String in, DurableContext ctx) -> lateBranch.apply(ctx)))
                .runUntilComplete("x").getResult(String.class))
                .isEqualTo("Branch \"late\" was added to parallel \"fan\" after its result was requested; add every"
                        + " branch before calling get().");
    }

    @Test
    void strictReplayGivesTheSameEarlyEndsAsDefaultMode() {
        // Learning mode ends the invocation after every checkpoint, the batch's own included; the result and the
        // units that ran stay those of default mode.
        AtomicInteger stepRuns = new AtomicInteger();
        var runner = ReplayMode.strict(LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            String race = threeSourceRace(ctx, stepRuns);
            MapResult<Integer> squares = ctx.map("squares", List.of(1, 2, 3), Integer.class,
                    (n, i, c) -> c.step("square-" + i, Integer.class, () -> n * n),
                    MapConfig.builder().maxConcurrency(1).completionConfig(CompletionConfig.minSuccessful(2)).build());
            return race + " | " + squares.results();
        }));
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class))
                .isEqualTo("3 1/0/2 MIN_SUCCESSFUL_REACHED [SUCCEEDED, SKIPPED, SKIPPED] | [1, 4, null]");
        assertThat(stepRuns).hasValue(3);
        assertThat(done.getOperation("squares-iteration-2")).isNull();
    }

    // ------------------------------------------------------------------ custom decisions

    @Test
    void aCustomDecisionNamesTheReasonAndOneThatNeverCompletesKeepsTheExecutionPending() {
        // CC: a custom shouldComplete alone decides, also once every item has finished (no ALL_COMPLETED fallback).
        var custom = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> r = ctx.map("two-of-them", List.of(1, 2, 3), Integer.class, (n, i, c) -> n,
                    MapConfig.builder().maxConcurrency(1).completionConfig(CompletionConfig.shouldComplete(
                            s -> s.successCount() == 2
                                    ? CompletionDecision.complete(ConcurrencyCompletionStatus.CUSTOM_COMPLETION_SUCCEEDED)
                                    : CompletionDecision.continueExecution())).build());
            return r.completionReason() + " " + r.results();
        });
        assertThat(custom.runUntilComplete("x").getResult(String.class))
                .isEqualTo("CUSTOM_COMPLETION_SUCCEEDED [1, 2, null]");

        var never = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> r = ctx.map("never", List.of(1, 2), Integer.class, (n, i, c) -> n,
                    MapConfig.builder().completionConfig(CompletionConfig.shouldComplete(
                            s -> CompletionDecision.continueExecution())).build());
            return r.completionReason().toString();
        });
        assertThat(never.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);

        var broken = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.map("broken", List.of(1, 2), Integer.class, (n, i, c) -> n,
                    MapConfig.builder().completionConfig(CompletionConfig.shouldComplete(s -> null)).build());
            return "done";
        });
        TestResult<String> failed = broken.run("x");
        assertThat(failed.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.getError()).hasValueSatisfying(e -> assertThat(e.errorMessage())
                .contains("shouldComplete must return a completion decision"));
    }

    // ------------------------------------------------------------------ map

    @Test
    void aMapEndedEarlyReportsEveryItemAndSkipsTheUnfinishedOnes() {
        // IT testMapWithMinSuccessful_earlyTermination (size 5); OPS: MapOperation reports every item, SKIPPED for
        // those not finished when the map was decided, and checkpoints that MapResult.
        AtomicInteger itemRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<String> r = ctx.map("min-successful", List.of("a", "b", "c", "d", "e"), String.class,
                    (item, i, c) -> c.step("upper-" + i, String.class, () -> {
                        itemRuns.incrementAndGet();
                        return item.toUpperCase();
                    }), MapConfig.builder().completionConfig(CompletionConfig.minSuccessful(2)).build());
            return r.size() + " " + r.completionReason() + " " + r.results() + " "
                    + r.items().stream().map(MapResult.MapResultItem::status).toList() + " " + r.succeeded();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("5 MIN_SUCCESSFUL_REACHED [A, B, null, null, null] "
                + "[SUCCEEDED, SUCCEEDED, SKIPPED, SKIPPED, SKIPPED] [A, B]");
        assertThat(itemRuns).as("without a limit every item starts").hasValue(5);
        assertThat(done.getOperation("min-successful").getContextDetails().result())
                .contains("\"completionReason\":\"MIN_SUCCESSFUL_REACHED\"")
                .contains("{\"status\":\"SKIPPED\",\"result\":null,\"error\":null}");
        assertThat(events(done).indexOf("ContextSucceeded min-successful"))
                .isEqualTo(events(done).indexOf("ContextSucceeded min-successful-iteration-1") + 1);

        TestResult<String> replayed = runner.run("x");
        assertThat(replayed.getResult(String.class)).isEqualTo(done.getResult(String.class));
        assertThat(itemRuns).hasValue(5);
    }

    @Test
    void aCompletedMapAnswersFromItsCheckpointWithoutRunningItsItemsAgain() {
        // OPS MapOperation.replay: a SUCCEEDED map with its result in the payload marks itself completed and runs
        // no item, so even FLAT items (which have no checkpoint of their own) do not run again.
        AtomicInteger itemBodies = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> r = ctx.map("flat", List.of(1, 2, 3), Integer.class, (n, i, c) -> {
                itemBodies.incrementAndGet();
                return c.step("twice-" + i, Integer.class, () -> n * 2);
            }, MapConfig.builder().nestingType(NestingType.FLAT).build());
            ctx.wait("pause", Duration.ofSeconds(1));
            return r.results().toString();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("[2, 4, 6]");
        assertThat(itemBodies).as("the second invocation reads the map's checkpoint").hasValue(3);
    }

    @Test
    void aMapWithALimitNeverStartsTheQueuedItemsAfterAnEarlyEnd() {
        // IT testMapWithToleratedFailureCount_earlyTermination; SPEC 9.9.
        AtomicInteger itemRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<String> r = ctx.map("tolerated", List.of("ok", "FAIL1", "FAIL2", "ok2", "ok3"), String.class,
                    (item, i, c) -> {
                        itemRuns.incrementAndGet();
                        if (item.startsWith("FAIL")) {
                            throw new IllegalStateException("failed: " + item);
                        }
                        return item.toUpperCase();
                    }, MapConfig.builder().maxConcurrency(1)
                            .completionConfig(CompletionConfig.toleratedFailureCount(1)).build());
            return r.size() + " " + r.completionReason() + " " + r.results() + " " + r.failed().size() + " "
                    + r.getError(2).errorMessage();
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo("5 FAILURE_TOLERANCE_EXCEEDED [OK, null, null, null, null] 2 failed: FAIL2");
        assertThat(itemRuns).hasValue(3);
    }

    @Test
    void aFailurePercentageIsTakenOfAllItemsRoundedDown() {
        // CC toleratedFailureLimit: floor(total * percentage); SPEC 9.10 and 8.22 (equal to the limit goes on).
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> r = ctx.map("pct", List.of(1, 2, 3, 4), Integer.class, (n, i, c) -> {
                if (n <= 2) {
                    throw new IllegalStateException("bad " + n);
                }
                return n;
            }, MapConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.toleratedFailurePercentage(0.25)).build());
            return r.completionReason() + " " + r.items().stream().map(MapResult.MapResultItem::status).toList();
        });

        assertThat(runner.runUntilComplete("x").getResult(String.class))
                .isEqualTo("FAILURE_TOLERANCE_EXCEEDED [FAILED, FAILED, SKIPPED, SKIPPED]");
    }

    @Test
    void aMapResultTooLargeForACheckpointKeepsOnlyTheStatusesAndIsRebuiltOnReplay() {
        // OPS MapOperation.handleCompletion: over 256 KB the payload is the MapResult stripped of results and
        // errors, with ReplayChildren; a replay rebuilds it from the items (SPEC 9.16).
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<String> r = ctx.map("big", List.of(1, 2, 3), String.class,
                    (n, i, c) -> c.step("part-" + i, String.class, () -> String.valueOf(n).repeat(150_000)),
                    MapConfig.builder().completionConfig(CompletionConfig.minSuccessful(2)).build());
            ctx.wait("pause", Duration.ofSeconds(1));
            return r.completionReason() + " " + r.items().stream().map(MapResult.MapResultItem::status).toList()
                    + " " + r.succeeded().stream().mapToInt(String::length).sum();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class))
                .isEqualTo("MIN_SUCCESSFUL_REACHED [SUCCEEDED, SUCCEEDED, SKIPPED] 300000");
        var map = done.getOperation("big").getContextDetails();
        assertThat(map.replayChildren()).isTrue();
        assertThat(map.result()).isEqualTo("{\"items\":[{\"status\":\"SUCCEEDED\",\"result\":null,\"error\":null},"
                + "{\"status\":\"SUCCEEDED\",\"result\":null,\"error\":null},"
                + "{\"status\":\"SKIPPED\",\"result\":null,\"error\":null}],"
                + "\"completionReason\":\"MIN_SUCCESSFUL_REACHED\"}");
    }

    @Test
    void anEmptyMapCheckpointsNothingWhileAnEmptyParallelCompletesAsAllCompleted() {
        // OPS MapOperation.start: no items, no checkpoint at all (get() gives MapResult.empty()); the operation
        // still takes its id. ParallelOperation starts and completes as ALL_COMPLETED (SPEC 8.5).
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<String> none = ctx.map("empty", List.<String>of(), String.class, (s, i, c) -> s);
            var fan = ctx.parallel("no-branches");
            String after = ctx.step("after", String.class, () -> "after");
            return none.size() + " " + none.completionReason() + " " + summary(fan.get()) + " " + after;
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("0 ALL_COMPLETED 0 0/0/0 ALL_COMPLETED [] after");
        assertThat(done.getOperation("empty")).isNull();
        assertThat(events(done)).containsExactly("ContextStarted no-branches", "StepStarted after",
                "StepSucceeded after", "ContextSucceeded no-branches");
        assertThat(done.getOperation("no-branches").getId()).isEqualTo(OperationIds.hash("2"));
    }

    @Test
    void aMapThatNeedsMoreSuccessesThanItHasItemsIsRefusedAtOnce() {
        // OPS: the MapOperation constructor's IllegalArgumentException, which the handler can catch.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                ctx.map("small", List.of(1, 2), Integer.class, (n, i, c) -> n,
                        MapConfig.builder().completionConfig(CompletionConfig.minSuccessful(3)).build());
                return "ran";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });

        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("minSuccessful cannot be greater than total items: 3 > 2");
        assertThat(done.getHistoryEvents()).as("nothing is checkpointed").isEmpty();
    }
}
