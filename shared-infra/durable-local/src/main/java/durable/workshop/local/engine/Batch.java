package durable.workshop.local.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.config.CompletionConfig;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;
import software.amazon.lambda.durable.exception.UnrecoverableDurableExecutionException;
import software.amazon.lambda.durable.execution.SuspendExecutionException;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.serde.SerDes;

/**
 * The shared machinery of parallel and map: units (branches or items) run as child contexts, at most
 * {@code maxConcurrency} unfinished at a time, until the completion config decides the batch is done.
 *
 * <p>As in the official SDK the batch is decided, and checkpointed with its result, as soon as the completion
 * config says so, not when the handler asks for the result. Each unit's status is taken at that moment: a unit that
 * had not finished by then is {@code SKIPPED}, even if it finishes later. A replay of a decided batch follows the
 * checkpointed statuses: the units recorded as skipped do not run.
 */
final class Batch {
    enum State { SUCCEEDED, FAILED, PENDING, RUNNING, NOT_STARTED, SKIPPED }

    private final LocalDurableContext inner;
    private final OpRecord record;
    private final CompletionConfig completion;
    private final int maxConcurrency;
    /** NestingType.FLAT: units checkpoint no context of their own; their operations hang under the batch. */
    private final boolean flat;
    /** FLAT units' errors (they have no record to keep them); null for the others. */
    private final List<ErrorObject> flatErrors = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final List<EngineFuture<?>> futures = new ArrayList<>();
    private int succeeded;
    private int failed;
    private int unfinished;
    /** Units whose code runs on an executor thread now (default mode). */
    private int running;
    private boolean registrationClosed;
    private ConcurrencyCompletionStatus decided;
    /** Every unit's status at the moment the batch was decided (units registered later are SKIPPED). */
    private List<State> decidedStates;
    /** A replay of a decided batch: the statuses its checkpoint recorded. */
    private List<State> recorded;
    /** Builds the result the decided batch checkpoints, and the SerDes it is written with. */
    private Supplier<Object> checkpointResult = () -> null;
    private SerDes checkpointSerDes;
    /** Map knows how many items it has before they run; parallel learns it when get() is called. */
    private int expectedTotal = -1;

    Batch(LocalDurableContext inner, OpRecord record, CompletionConfig completion, int maxConcurrency, boolean flat) {
        this.inner = inner;
        this.record = record;
        this.completion = completion != null ? completion : CompletionConfig.allCompleted();
        this.maxConcurrency = maxConcurrency > 0 ? maxConcurrency : Integer.MAX_VALUE;
        this.flat = flat;
    }

    /** The result to checkpoint once the batch is decided (a map's MapResult, a parallel's ParallelResult). */
    void checkpointWith(Supplier<Object> result, SerDes sd) {
        this.checkpointResult = result;
        this.checkpointSerDes = sd;
    }

    /**
     * The batch completed in an earlier invocation: its units follow the statuses it checkpointed (a
     * ParallelResult's or a MapResult's, whose names are SUCCEEDED, FAILED and SKIPPED).
     */
    void replayDecided(List<? extends Enum<?>> statuses, ConcurrencyCompletionStatus reason) {
        recorded = statuses.stream().map(s -> State.valueOf(s.name())).toList();
        decided = reason;
        decidedStates = new ArrayList<>(recorded);
    }

    /** A map's completion config must be reachable: refused before anything is checkpointed, in the SDK's words. */
    static void checkMapItems(CompletionConfig completion, int total) {
        Integer min = completion == null || completion.hasCustomShouldComplete() ? null : completion.minSuccessful();
        if (min != null && min > total) {
            throw new IllegalArgumentException("minSuccessful cannot be greater than total items: " + min + " > "
                    + total);
        }
    }

    void expectTotal(int total) {
        expectedTotal = total;
    }

    <T> EngineFuture<T> add(String name, OperationSubType subType, TypeToken<T> type, SerDes sd,
            Function<LocalDurableContext, T> body, LocalDurableContext.FailMode mode) {
        if (registrationClosed) {
            // The official SDK's words by default; learning mode says which branch and what to do.
            throw new IllegalStateException(inner.ex.strict
                    ? "Branch \"" + name + "\" was added to " + record.label()
                            + " after its result was requested; add every branch before calling get()."
                    : "Cannot add branches after join() has been called");
        }
        String id = inner.nextId();
        ids.add(id);
        names.add(name);
        int index = states.size();
        flatErrors.add(null);
        if (recorded != null && (index >= recorded.size() || recorded.get(index) == State.SKIPPED)) {
            // A replay of a decided batch does not run the units its checkpoint recorded as skipped.
            return notRun(index, State.SKIPPED);
        }
        // The official SDK starts a unit as soon as it is added, when a slot is free; a decision only keeps the
        // queued ones (beyond maxConcurrency) from starting. A quick unit here ends before the next one starts, so
        // the first maxConcurrency units (all of them when unlimited) run even after an earlier one decided the
        // batch: on the official SDK they would already be running then.
        boolean queued = index >= maxConcurrency;
        if (recorded == null && decided != null && queued) {
            return notRun(index, State.SKIPPED);
        }
        if (inner.ex.concurrent) {
            // A unit beyond maxConcurrency starts when a running one ends, as in the official SDK.
            inner.ex.scheduler.awaitUntil(() -> running == 0 || running + unfinished < maxConcurrency, false);
            if (recorded == null && decided != null && queued) {
                return notRun(index, State.SKIPPED);
            }
        }
        if (unfinished >= maxConcurrency) {
            return notRun(index, State.NOT_STARTED);
        }
        states.add(State.RUNNING);
        if (!inner.ex.concurrent) {
            EngineFuture<T> f = runUnit(index, id, name, subType, type, sd, body, mode);
            futures.add(f);
            settle(index, id, f);
            return f;
        }
        // On an executor thread, as the official SDK runs each branch and item; start() waits until the unit has
        // ended or is held up (a long step, units of its own), so quick units keep the order they were added in.
        running++;
        return UnitFuture.start(inner.ex, "\"" + name + "\" of " + record.label(),
                () -> runUnit(index, id, name, subType, type, sd, body, mode), futures::add, ended -> {
                    running--;
                    try {
                        settle(index, id, ended);
                    } catch (UnrecoverableDurableExecutionException u) {
                        // Recorded as the execution's failure; the code waiting for the batch sees it when it goes on.
                    }
                });
    }

    /** Runs a unit's code as a child context (or a FLAT one). */
    private <T> EngineFuture<T> runUnit(int index, String id, String name, OperationSubType subType, TypeToken<T> type,
            SerDes sd, Function<LocalDurableContext, T> body, LocalDurableContext.FailMode mode) {
        if (flat) {
            return runFlat(index, id, name, subType, sd, body, mode);
        }
        try {
            return inner.runChild(id, name, subType, type, sd, false, body, mode);
        } catch (SuspendExecutionException s) {
            // Strict replay suspended right after the unit's checkpoint.
            return EngineFuture.pending(inner.ex, s);
        }
    }

    /** Records how a unit ended (done, failed, or waiting for a later invocation) and asks the completion config. */
    private void settle(int index, String id, EngineFuture<?> f) {
        if (f.isDone()) {
            OpRecord r = inner.ex.ops.get(id);
            boolean ok = flat ? flatErrors.get(index) == null : r != null && r.status == OperationStatus.SUCCEEDED;
            if (ok) {
                states.set(index, State.SUCCEEDED);
                succeeded++;
            } else {
                states.set(index, State.FAILED);
                failed++;
            }
        } else {
            states.set(index, State.PENDING);
            unfinished++;
        }
        if (decided == null) {
            decideIfDone();
        }
    }

    /**
     * A FLAT unit: its body runs in a context that derives ids from the unit's id but checkpoints nothing of its
     * own, so it runs again on every invocation and its operations replay one by one.
     */
    private <T> EngineFuture<T> runFlat(int index, String id, String name, OperationSubType subType, SerDes sd,
            Function<LocalDurableContext, T> body, LocalDurableContext.FailMode mode) {
        LocalDurableContext unit = new LocalDurableContext(inner.ex, id, inner.contextId, name, inner.depth + 1,
                inner.getLambdaContext());
        // Not in the log: a record of the moment, for the trace and to word a failure as a nested unit's would be.
        OpRecord moment = new OpRecord(id, inner.contextId, name, OperationType.CONTEXT, subType.getValue(),
                inner.ex.now);
        inner.ex.trace(inner.depth, "ran", moment, "(flat)");
        BaseContext previous = BaseContext.CONTEXT.get();
        BaseContext.CONTEXT.set(unit);
        try {
            return EngineFuture.of(inner.ex.scheduler.outside(() -> body.apply(unit)), inner.ex.now);
        } catch (SuspendExecutionException s) {
            return EngineFuture.pending(inner.ex, s);
        } catch (UnrecoverableDurableExecutionException u) {
            throw u;
        } catch (Throwable t) {
            ErrorObject error = inner.ex.operationError(t, sd);
            flatErrors.set(index, error);
            moment.error = error;
            moment.finish(OperationStatus.FAILED, inner.ex.now);
            return EngineFuture.failed(inner.childFailure(moment, mode, sd), inner.ex.now);
        } finally {
            BaseContext.CONTEXT.set(previous);
        }
    }

    /** The error of a failed unit. */
    ErrorObject errorOf(int i) {
        if (flat) {
            return flatErrors.get(i);
        }
        OpRecord r = recordOf(i);
        return r == null ? null : r.error;
    }

    private <T> EngineFuture<T> notRun(int index, State state) {
        states.add(state);
        EngineFuture<T> f = new EngineFuture<>(inner.ex.scheduler, () -> {
            if (states.get(index) == State.SKIPPED || decided != null) {
                throw new IllegalStateException("\"" + names.get(index) + "\" of " + record.label()
                        + " did not run: the batch completed (" + decided + ") before it started.");
            }
            throw inner.ex.suspend("\"" + names.get(index) + "\" of " + record.label()
                    + " waits for a free slot (maxConcurrency " + maxConcurrency + ")");
        }, () -> false, () -> null);
        futures.add(f);
        return f;
    }

    void closeRegistration() {
        registrationClosed = true;
        if (decided == null) {
            decideIfDone();
        }
    }

    /** Whether the batch has decided; if not, suspends while it still waits for units. */
    void awaitDecision() {
        closeRegistration();
        if (inner.ex.concurrent) {
            // The batch decides when a unit ends; once none runs, only a later invocation can move it on.
            inner.ex.scheduler.awaitUntil(() -> decided != null || running == 0, false);
        }
        if (decided == null) {
            long waiting = states.stream()
                    .filter(s -> s == State.PENDING || s == State.RUNNING || s == State.NOT_STARTED).count();
            throw inner.ex.suspend(record.label() + " waiting for " + waiting + " of " + states.size() + " to finish");
        }
    }

    /**
     * Asks the completion config, as the official SDK does after every change: the live counts, the units
     * registered so far (all of a map's items), and whether registration is over. When it decides, every unit's
     * status is fixed and the batch is checkpointed.
     */
    private void decideIfDone() {
        int total = expectedTotal >= 0 ? expectedTotal : states.size();
        boolean allRegistered = expectedTotal >= 0 || registrationClosed;
        CompletionConfig.CompletionDecision decision;
        try {
            // Under the engine's lock, even a custom shouldComplete function: it is a quick, pure decision on the
            // counts, and it must see them and fix the statuses in one step, or two units ending at once could both
            // decide the batch.
            decision = completion.completionDecisionFunction().apply(new CompletionConfig.CompletionStatus(
                    succeeded, failed, succeeded + failed, total, allRegistered));
            Objects.requireNonNull(decision, "shouldComplete must return a completion decision");
        } catch (RuntimeException e) {
            // The official SDK ends the execution when the decision itself fails (a custom function that throws
            // or returns null, a minSuccessful larger than the number of branches).
            throw inner.ex.fatal(new IllegalDurableOperationException(
                    "Unexpected exception in concurrency operation: " + e));
        }
        if (!decision.shouldComplete()) {
            return;
        }
        decided = decision.completionStatus();
        decidedStates = new ArrayList<>();
        for (State s : states) {
            decidedStates.add(s == State.SUCCEEDED || s == State.FAILED ? s : State.SKIPPED);
        }
        complete(checkpointResult.get(), checkpointSerDes);
    }

    /**
     * Checkpoints the decided batch as the official SDK does: the batch itself succeeds whatever its units did, with
     * its result (a map's MapResult, a parallel's ParallelResult). A result too large for a checkpoint is written
     * without the units' values, and a replay rebuilds them from the units.
     */
    private void complete(Object result, SerDes sd) {
        if (record.isTerminal()) {
            return;
        }
        String payload = result == null ? null : inner.ex.serialize(sd, result, "the result of " + record.label());
        // A parallel always replays its branches; a map only when its result was too large to keep its values.
        record.replayChildren = !(result instanceof MapResult<?>);
        if (payload != null && payload.getBytes(StandardCharsets.UTF_8).length
                >= LocalExecution.MAX_RESULT_BYTES && result instanceof MapResult<?> map) {
            payload = inner.ex.serialize(sd, withoutValues(map), "the result of " + record.label());
            record.replayChildren = true;
        }
        record.result = payload;
        record.finish(OperationStatus.SUCCEEDED, inner.ex.now);
        inner.ex.addEvent(EventType.CONTEXT_SUCCEEDED, record, b -> { });
        inner.ex.checkpointed(record);
    }

    private static MapResult<Object> withoutValues(MapResult<?> map) {
        List<MapResult.MapResultItem<Object>> items = new ArrayList<>();
        for (MapResult.MapResultItem<?> item : map.items()) {
            items.add(new MapResult.MapResultItem<>(item.status(), null, null));
        }
        return new MapResult<>(items, map.completionReason());
    }

    LocalDurableContext innerContext() {
        return inner;
    }

    boolean isDecided() {
        return decided != null;
    }

    ConcurrencyCompletionStatus decided() {
        return decided;
    }

    /** SUCCEEDED, FAILED or SKIPPED as fixed when the batch was decided (units registered later are SKIPPED). */
    State statusOf(int i) {
        return decidedStates != null && i < decidedStates.size() ? decidedStates.get(i) : State.SKIPPED;
    }

    /** The value of a unit that succeeded. */
    Object valueOf(int i) {
        return futures.get(i).get();
    }

    OpRecord recordOf(int i) {
        return inner.ex.ops.get(ids.get(i));
    }

    /** Units registered so far; for a map, all its items once they are added. */
    int size() {
        return expectedTotal >= 0 ? Math.max(expectedTotal, states.size()) : states.size();
    }

    /** The parallel's result: the statuses fixed at the decision, SKIPPED for branches registered after it. */
    ParallelResult parallelResult() {
        List<ParallelResult.Status> statuses = new ArrayList<>();
        int ok = 0;
        int bad = 0;
        for (int i = 0; i < size(); i++) {
            switch (statusOf(i)) {
                case SUCCEEDED -> {
                    statuses.add(ParallelResult.Status.SUCCEEDED);
                    ok++;
                }
                case FAILED -> {
                    statuses.add(ParallelResult.Status.FAILED);
                    bad++;
                }
                default -> statuses.add(ParallelResult.Status.SKIPPED);
            }
        }
        return new ParallelResult(statuses.size(), ok, bad, statuses.size() - ok - bad, decided, statuses);
    }
}
