package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.local.engine.OperationIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.config.CompletionConfig;
import software.amazon.lambda.durable.config.MapConfig;
import software.amazon.lambda.durable.config.NestingType;
import software.amazon.lambda.durable.config.ParallelConfig;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.exception.CallbackSubmitterException;
import software.amazon.lambda.durable.exception.InvokeTimedOutException;
import software.amazon.lambda.durable.exception.NonDeterministicExecutionException;
import software.amazon.lambda.durable.exception.ParallelBranchFailedException;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Default mode behaves as the official local runner (release 2.1.0) does, group by group. Each test says where the
 * behaviour is documented or seen: the official SDK's sources (aws/aws-durable-execution-sdk-java: the
 * OperationIdGenerator, ParameterValidator, the testing module's EventProcessor and LocalMemoryExecutionClient, the
 * operations' get() methods), its public API listing, and runs of the official runner on small probe handlers.
 */
class DefaultModeParityTest {

    private static List<EventType> types(TestResult<?> result) {
        return result.getHistoryEvents().stream().map(Event::eventType).toList();
    }

    // ------------------------------------------------------------------ 1. names

    @Test
    void nullNamesAreAcceptedAndTheOperationIsRecordedWithoutAName() {
        // Seen: ParameterValidator.validateOperationName returns at once for null ("operation name is optional");
        // the service API has Name optional.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.wait(null, Duration.ofSeconds(10));
            ctx.waitAsync(null, Duration.ofSeconds(5)).get();
            return ctx.withRetry(null, (attempt, c) -> "done");
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.getResult(String.class)).isEqualTo("done");
        assertThat(done.getOperations()).hasSize(3).allSatisfy(o -> assertThat(o.getName()).isNull());
    }

    @Test
    void namesMustBeNonEmptyPrintableAsciiAndShortEnough() {
        // Seen: ParameterValidator.validateOperationName refuses an empty name, a name over the limit and any
        // character outside printable ASCII; waitForCallback leaves room for its "-submitter" suffix.
        assertThat(failureOf(ctx -> ctx.step("", String.class, () -> "v"))).contains("must not be blank");
        assertThat(failureOf(ctx -> ctx.step("在庫確認", String.class, () -> "v"))).contains("printable ASCII");
        assertThat(failureOf(ctx -> ctx.waitForCallback("w".repeat(250), String.class, (id, s) -> { })))
                .contains("at most 246");
        var spaces = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("check stock", String.class, () -> "v"));
        assertThat(spaces.runUntilComplete("x").getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    private static String failureOf(java.util.function.Function<DurableContext, String> handler) {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> handler.apply(ctx));
        TestResult<String> failed = runner.runUntilComplete("x");
        assertThat(failed.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.getError().orElseThrow().errorType()).isEqualTo(IllegalArgumentException.class.getName());
        return failed.getError().orElseThrow().errorMessage();
    }

    // ------------------------------------------------------------------ 2. large results

    @Test
    void aLargeStepResultSucceedsAndALargeChildResultIsRebuiltByReplayingItsChildren() {
        // Seen: the official runner lets a step return 300 KB; a child context result over 256 KB is checkpointed
        // without it (ContextOptions.ReplayChildren) and a replay runs the children again to rebuild it.
        AtomicInteger childRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            String big = ctx.step("big", String.class, () -> "s".repeat(300_000));
            String built = ctx.runInChildContext("assemble", String.class, c -> {
                childRuns.incrementAndGet();
                return c.step("part", String.class, () -> "p".repeat(300_000));
            });
            ctx.wait("pause", Duration.ofSeconds(1));
            return big.length() + "/" + built.length();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("300000/300000");
        TestOperation assemble = done.getOperation("assemble");
        assertThat(assemble.getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(assemble.getContextDetails().result()).isNull();
        assertThat(assemble.getContextDetails().replayChildren()).isTrue();
        // Run once, then again on the replay after the wait to rebuild the result.
        assertThat(childRuns).hasValue(2);
    }

    @Test
    void defaultModeWarnsOnceAboutOversizedResultsAndGoesOn() {
        // The course's rule is a warning in default mode (learning mode fails: ReplayCheckTest).
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.step("big-1", String.class, () -> "a".repeat(300_000));
            ctx.step("big-2", String.class, () -> "b".repeat(300_000));
            return "ok";
        });
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        TestResult<String> done;
        try {
            done = runner.runUntilComplete("x");
        } finally {
            System.setErr(original);
        }
        assertThat(done.getResult(String.class)).isEqualTo("ok");
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.split("more than the 262144 bytes", -1)).hasSize(2);
        assertThat(log).contains("step \"big-1\" is 300002 bytes");
    }

    // ------------------------------------------------------------------ 3. history and ids

    @Test
    void theHistoryHasOneEventPerOperationTransitionAndIdsAreSha256() {
        // Seen: the testing module's EventProcessor numbers the events from 1 and sets no sub-type; the runner
        // records no execution or invocation events. OperationIdGenerator hashes "1", "2", ... with SHA-256.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ctx.step("one", String.class, () -> "1");
            ctx.wait("w", Duration.ofSeconds(30));
            return ctx.step("two", String.class, () -> "2");
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(types(done)).containsExactly(EventType.STEP_STARTED, EventType.STEP_SUCCEEDED,
                EventType.WAIT_STARTED, EventType.WAIT_SUCCEEDED, EventType.STEP_STARTED, EventType.STEP_SUCCEEDED);
        assertThat(done.getHistoryEvents()).extracting(Event::eventId).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(done.getHistoryEvents()).allSatisfy(e -> assertThat(e.subType()).isNull());
        assertThat(done.getOperations()).extracting(TestOperation::getId).containsExactly(
                OperationIds.hash("1"), OperationIds.hash("2"), OperationIds.hash("3"));
        // printf 1 | sha256sum
        assertThat(OperationIds.hash("1"))
                .isEqualTo("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b");
    }

    // ------------------------------------------------------------------ 4. nesting types

    private static TestResult<String> twoBranches(NestingType nesting) {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try (var fan = ctx.parallel("fan", ParallelConfig.builder().nestingType(nesting).build())) {
                fan.branch("a", String.class, c -> c.step("sa", String.class, () -> "A"));
                fan.branch("b", String.class, c -> c.step("sb", String.class, () -> "B"));
            }
            return "ok";
        });
        return runner.runUntilComplete("x");
    }

    @Test
    void nestedBranchesCheckpointAContextEachAndFlatOnesDoNot() {
        // Seen on the official runner: two one-step branches give 10 events NESTED and 6 FLAT; FLAT steps hang
        // under the parallel's context with ids still derived through the branch.
        TestResult<String> nested = twoBranches(NestingType.NESTED);
        assertThat(nested.getHistoryEvents()).hasSize(10);
        assertThat(nested.getOperation("a").getSubtype()).isEqualTo("ParallelBranch");

        TestResult<String> flat = twoBranches(NestingType.FLAT);
        assertThat(flat.getResult(String.class)).isEqualTo("ok");
        assertThat(types(flat)).containsExactly(EventType.CONTEXT_STARTED, EventType.STEP_STARTED,
                EventType.STEP_SUCCEEDED, EventType.STEP_STARTED, EventType.STEP_SUCCEEDED,
                EventType.CONTEXT_SUCCEEDED);
        assertThat(flat.getOperation("a")).isNull();
        String fan = OperationIds.hash("1");
        String branchB = OperationIds.hash(fan + "-2");
        assertThat(flat.getOperation("sb").getId()).isEqualTo(OperationIds.hash(branchB + "-1"));
    }

    @Test
    void aFlatBranchThatWaitsResumesOnTheNextInvocation() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableFuture<String> slow;
            try (var fan = ctx.parallel("fan", ParallelConfig.builder().nestingType(NestingType.FLAT).build())) {
                fan.branch("fast", String.class, c -> c.step("f", String.class, () -> "F"));
                slow = fan.branch("slow", String.class, c -> {
                    c.wait("nap", Duration.ofMinutes(1));
                    return c.step("s", String.class, () -> "S");
                });
            }
            return slow.get();
        });
        assertThat(runner.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("S");
        assertThat(done.getOperations()).extracting(TestOperation::getName).containsExactly("fan", "f", "nap", "s");
        assertThat(Traces.of(runner).render()).contains("ran branch \"slow\" (flat)");
    }

    @Test
    void aFlatMapRunsItsItemsWithoutContextsAndReplaysThemFromTheirSteps() {
        // Seen: MapConfig.nestingType(FLAT) checkpoints no MapIteration context; the items' steps replay.
        AtomicInteger stepRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> r = ctx.map("square", List.of(1, 2, 3), Integer.class,
                    (n, i, c) -> c.step("sq", Integer.class, () -> {
                        stepRuns.incrementAndGet();
                        return n * n;
                    }), MapConfig.builder().nestingType(NestingType.FLAT).build());
            ctx.wait("pause", Duration.ofSeconds(1));
            return r.succeeded().toString();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("[1, 4, 9]");
        assertThat(done.getOperations()).extracting(TestOperation::getName)
                .containsExactly("square", "sq", "sq", "sq", "pause");
        assertThat(stepRuns).hasValue(3);
    }

    // ------------------------------------------------------------------ 8. early completion

    @Test
    void minSuccessfulEndsAParallelEarlyWithoutStartingTheQueuedBranchesAlsoOnReplay() {
        // Documented: the service-history conformance case 8.8 (parallel, maxConcurrency 1, minSuccessful 2, four
        // branches): branches 0 and 1 run, 2 and 3 never start, the parallel succeeds with MIN_SUCCESSFUL_REACHED.
        AtomicInteger branchRuns = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            var fan = ctx.parallel("min-successful", ParallelConfig.builder().maxConcurrency(1)
                    .completionConfig(CompletionConfig.minSuccessful(2)).build());
            for (int i = 0; i < 4; i++) {
                String value = "b" + i;
                fan.branch("branch-" + i, String.class, c -> {
                    branchRuns.incrementAndGet();
                    return value;
                });
            }
            ParallelResult r = fan.get();
            return r.completionStatus() + " " + r.succeeded() + " " + r.statuses();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class))
                .isEqualTo("MIN_SUCCESSFUL_REACHED 2 [SUCCEEDED, SUCCEEDED, SKIPPED, SKIPPED]");
        assertThat(types(done)).containsExactly(EventType.CONTEXT_STARTED, EventType.CONTEXT_STARTED,
                EventType.CONTEXT_SUCCEEDED, EventType.CONTEXT_STARTED, EventType.CONTEXT_SUCCEEDED,
                EventType.CONTEXT_SUCCEEDED);
        assertThat(done.getOperation("branch-2")).isNull();
        assertThat(branchRuns).hasValue(2);

        // A replay of the finished execution gives the same result and starts nothing new.
        TestResult<String> replayed = runner.run("x");
        assertThat(replayed.getResult(String.class)).isEqualTo(done.getResult(String.class));
        assertThat(replayed.getHistoryEvents()).hasSize(6);
        assertThat(branchRuns).hasValue(2);
    }

    // ------------------------------------------------------------------ 5. misuse

    @Test
    void aMapOverAnUnorderedSetFailsWithIllegalArgumentException() {
        // Seen on the official runner: map over a HashSet fails the execution with IllegalArgumentException.
        Set<Integer> items = new HashSet<>(List.of(1, 2, 3));
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.map("m", items, Integer.class, (n, i, c) -> n).succeeded().toString());
        TestResult<String> failed = runner.runUntilComplete("x");

        assertThat(failed.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.getError().orElseThrow().errorType()).isEqualTo(IllegalArgumentException.class.getName());
    }

    @Test
    void mapAcceptsOrderedCollectionsAndRefusesViewsOfUnorderedMaps() {
        // Seen: ParameterValidator.validateOrderedCollection refuses a HashSet (not a LinkedHashSet) and the
        // key/value/entry views of HashMap, IdentityHashMap, WeakHashMap and ConcurrentHashMap; other collections pass.
        var ordered = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.map("m", new LinkedHashSet<>(List.of(3, 1, 2)), Integer.class, (n, i, c) -> n).succeeded()
                        + "" + ctx.map("n", Set.of(7), Integer.class, (n, i, c) -> n).succeeded());
        assertThat(ordered.runUntilComplete("x").getResult(String.class)).isEqualTo("[3, 1, 2][7]");

        var view = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.map("m", new HashMap<>(Map.of("a", 1)).keySet(), String.class, (k, i, c) -> k).toString());
        assertThat(view.runUntilComplete("x").getError().orElseThrow().errorMessage())
                .contains("deterministic iteration order");
    }

    @Test
    void awaitingAFutureInsideAStepFailsWithIllegalStateException() {
        // Seen on the official runner: get() on an async step's future inside another step's function throws
        // IllegalStateException, which fails that step and so the execution.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableFuture<String> first = ctx.stepAsync("first", String.class, () -> "1");
            return ctx.step("second", String.class, () -> first.get(),
                    StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build());
        });
        TestResult<String> failed = runner.runUntilComplete("x");

        assertThat(failed.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.getError().orElseThrow().errorType()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aDurableOperationInsideAStepIsANestedStepOperation() {
        // Seen on the official runner: the message contains "Nested STEP operation is not supported".
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("outer", String.class, () -> ctx.step("inner", String.class, () -> "x")));
        TestResult<String> failed = runner.runUntilComplete("x");

        assertThat(failed.getError().orElseThrow().errorMessage()).contains("Nested STEP operation is not supported");
    }

    @Test
    void aReplayThatMeetsAChildContextUnderAnotherNameIsANameMismatch() {
        // Seen on the official runner: NonDeterministicExecutionException whose message says "name mismatch".
        AtomicInteger invocation = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            String name = invocation.incrementAndGet() == 1 ? "first" : "renamed";
            ctx.runInChildContext(name, String.class, c -> "v");
            ctx.wait("pause", Duration.ofSeconds(1));
            return "ok";
        });
        TestResult<String> failed = runner.runUntilComplete("x");

        assertThat(failed.getError().orElseThrow().errorType())
                .isEqualTo(NonDeterministicExecutionException.class.getName());
        assertThat(failed.getError().orElseThrow().errorMessage()).contains("name mismatch");
    }

    // ------------------------------------------------------------------ 6. timeouts driven by the test

    @Test
    void aTimedOutCallbackFailsTheExecutionWithoutAnErrorObject() {
        // Seen on the official runner: after timeoutCallback the execution fails, getError() is empty and the
        // callback reports TIMED_OUT. The callback of waitForCallback("approval") is "approval-callback".
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.waitForCallback("approval", String.class, (id, s) -> { }));
        assertThat(runner.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        runner.timeoutCallback(runner.getCallbackId("approval-callback"));
        TestResult<String> failed = runner.runUntilComplete("x");

        assertThat(failed.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.getError()).isEmpty();
        assertThat(failed.getOperation("approval-callback").getStatus()).isEqualTo(OperationStatus.TIMED_OUT);
    }

    @Test
    void aTimedOutInvokeHasNoMessageAndAnEmptyErrorObject() {
        // Seen on the official runner (and InvokeTimedOutException(Operation) passes the operation's error on).
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.invoke("pay", "payments:live", "order-1", String.class);
            } catch (InvokeTimedOutException e) {
                return "message=" + e.getMessage() + " type=" + e.getErrorObject().errorType()
                        + " data=" + e.getErrorObject().errorData();
            }
        });
        runner.run("x");
        runner.timeoutChainedInvoke("pay");
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("message=null type=null data=null");
        assertThat(done.getOperation("pay").getStatus()).isEqualTo(OperationStatus.TIMED_OUT);

        var uncaught = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.invoke("pay", "payments:live", "order-1", String.class));
        uncaught.run("x");
        uncaught.timeoutChainedInvoke("pay");
        TestResult<String> failed = uncaught.runUntilComplete("x");
        assertThat(failed.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.getError()).isEmpty();
    }

    // ------------------------------------------------------------------ 7. messages

    /** An exception Jackson cannot rebuild (no default constructor), so the SDK's wrapper surfaces. */
    static final class Opaque extends RuntimeException {
        Opaque(int code) {
            super("code " + code);
        }
    }

    @Test
    void aBranchThatCannotBeRebuiltSurfacesAsParallelBranchFailedWithTheOfficialMessage() {
        // Seen: the operations' get() wrap an error they cannot rebuild as
        // "<Kind> failed with error of type <type>. Message: <message>".
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableFuture<String> bad;
            try (var fan = ctx.parallel("fan")) {
                bad = fan.branch("bad", String.class, c -> {
                    throw new Opaque(4);
                });
            }
            try {
                return bad.get();
            } catch (ParallelBranchFailedException e) {
                return e.getMessage();
            }
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo(
                "Parallel branch failed with error of type " + Opaque.class.getName() + ". Message: code 4");
    }

    @Test
    void aFailingSubmitterSurfacesAsCallbackSubmitterExceptionWithTheStepsMessage() {
        // Seen on the official runner: CallbackSubmitterException carrying the submitter step's
        // StepFailedException message.
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.waitForCallback("approval", String.class, (id, s) -> {
                    throw new IllegalStateException("mail server down");
                });
            } catch (CallbackSubmitterException e) {
                return e.getMessage();
            }
        });
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo(
                "Step failed with error of type java.lang.IllegalStateException. Message: mail server down");
    }
}
