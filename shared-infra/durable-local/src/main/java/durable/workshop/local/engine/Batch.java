package durable.workshop.local.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.config.CompletionConfig;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.exception.UnrecoverableDurableExecutionException;
import software.amazon.lambda.durable.execution.SuspendExecutionException;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.serde.SerDes;

/**
 * The shared machinery of parallel and map: units (branches or items) run as child contexts, at most
 * {@code maxConcurrency} unfinished at a time, until the completion config decides the batch is done.
 */
final class Batch {
    enum State { SUCCEEDED, FAILED, PENDING, NOT_STARTED, SKIPPED }

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
    private int succeeded;
    private int failed;
    private int unfinished;
    private boolean registrationClosed;
    private ConcurrencyCompletionStatus decided;
    /** Map knows how many items it has before they run; parallel learns it when get() is called. */
    private int expectedTotal = -1;

    Batch(LocalDurableContext inner, OpRecord record, CompletionConfig completion, int maxConcurrency, boolean flat) {
        this.inner = inner;
        this.record = record;
        this.completion = completion;
        this.maxConcurrency = maxConcurrency;
        this.flat = flat;
    }

    void expectTotal(int total) {
        Integer min = completion == null ? null : completion.minSuccessful();
        if (min != null && min > total) {
            throw new IllegalArgumentException("minSuccessful (" + min + ") of " + record.label()
                    + " is greater than the number of items (" + total + ").");
        }
        expectedTotal = total;
    }

    <T> EngineFuture<T> add(String name, OperationSubType subType, TypeToken<T> type, SerDes sd,
            Function<LocalDurableContext, T> body, LocalDurableContext.FailMode mode) {
        if (registrationClosed) {
            throw new IllegalStateException("Branch \"" + name + "\" was added to " + record.label()
                    + " after its result was requested; add every branch before calling get().");
        }
        String id = inner.nextId();
        ids.add(id);
        names.add(name);
        int index = states.size();
        flatErrors.add(null);
        // The official SDK starts a unit as soon as it is added, when a slot is free; a decision only keeps the
        // queued ones (beyond maxConcurrency) from starting. Units here run one after the other, so the first
        // maxConcurrency units (all of them when unlimited) run even after an earlier one decided the batch.
        boolean queued = maxConcurrency > 0 && index >= maxConcurrency;
        if (decided != null && queued) {
            states.add(State.SKIPPED);
            return notRun(index);
        }
        if (maxConcurrency > 0 && unfinished >= maxConcurrency) {
            states.add(State.NOT_STARTED);
            return notRun(index);
        }
        EngineFuture<T> f;
        if (flat) {
            f = runFlat(index, id, name, subType, sd, body, mode);
        } else {
            try {
                f = inner.runChild(id, name, subType, type, sd, false, body, mode);
            } catch (SuspendExecutionException s) {
                // Strict replay suspended right after the unit's checkpoint.
                f = EngineFuture.pending(inner.ex, s);
            }
        }
        if (f.isDone()) {
            OpRecord r = inner.ex.ops.get(id);
            boolean ok = flat ? flatErrors.get(index) == null : r != null && r.status == OperationStatus.SUCCEEDED;
            if (ok) {
                states.add(State.SUCCEEDED);
                succeeded++;
            } else {
                states.add(State.FAILED);
                failed++;
            }
        } else {
            states.add(State.PENDING);
            unfinished++;
        }
        if (decided == null) {
            decided = evaluate(false);
        }
        return f;
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
            return EngineFuture.of(body.apply(unit), inner.ex.now);
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

    private <T> EngineFuture<T> notRun(int index) {
        return new EngineFuture<>(() -> {
            if (states.get(index) == State.SKIPPED || decided != null) {
                throw new IllegalStateException("\"" + names.get(index) + "\" of " + record.label()
                        + " did not run: the batch completed (" + decided + ") before it started.");
            }
            throw inner.ex.suspend("\"" + names.get(index) + "\" of " + record.label()
                    + " waits for a free slot (maxConcurrency " + maxConcurrency + ")");
        }, () -> false, () -> null);
    }

    void closeRegistration() {
        registrationClosed = true;
        if (decided == null) {
            decided = evaluate(true);
        }
    }

    /** Whether the batch has decided; if not, suspends while it still waits for units. */
    void awaitDecision() {
        closeRegistration();
        if (decided == null) {
            long waiting = states.stream().filter(s -> s == State.PENDING || s == State.NOT_STARTED).count();
            throw inner.ex.suspend(record.label() + " waiting for " + waiting + " of " + states.size() + " to finish");
        }
    }

    /**
     * Checkpoints the decided batch as the official SDK does: the batch itself succeeds whatever its units did. A
     * map records its MapResult ({@code result}); a parallel records no result and marks its children for replay.
     */
    void complete(Object result, SerDes sd) {
        if (record.isTerminal()) {
            return;
        }
        String payload = result == null ? null : inner.ex.serialize(sd, result, "the result of " + record.label());
        if (payload != null && payload.getBytes(StandardCharsets.UTF_8).length
                >= LocalExecution.MAX_RESULT_BYTES) {
            // Too large to checkpoint: an empty result, and the children are replayed to rebuild it.
            payload = "";
            record.replayChildren = true;
        }
        if (result == null) {
            record.replayChildren = true;
        }
        record.result = payload;
        record.finish(OperationStatus.SUCCEEDED, inner.ex.now);
        inner.ex.addEvent(EventType.CONTEXT_SUCCEEDED, record, b -> { });
        inner.ex.checkpointed(record);
    }

    LocalDurableContext innerContext() {
        return inner;
    }

    boolean isDecided() {
        return registrationClosed && (decided != null || evaluate(true) != null);
    }

    ConcurrencyCompletionStatus decided() {
        return decided;
    }

    /** SUCCEEDED, FAILED or SKIPPED (units unfinished when the batch completed count as skipped). */
    State statusOf(int i) {
        State s = states.get(i);
        return s == State.SUCCEEDED || s == State.FAILED ? s : State.SKIPPED;
    }

    OpRecord recordOf(int i) {
        return inner.ex.ops.get(ids.get(i));
    }

    int size() {
        return states.size();
    }

    int succeeded() {
        return succeeded;
    }

    int failed() {
        return failed;
    }

    private ConcurrencyCompletionStatus evaluate(boolean allRegistered) {
        if (expectedTotal >= 0) {
            allRegistered = true;
        }
        int total = expectedTotal >= 0 ? expectedTotal : states.size();
        int completed = succeeded + failed;
        boolean allDone = allRegistered && completed == total;
        if (completion != null && completion.shouldComplete() != null) {
            CompletionConfig.CompletionDecision d = completion.shouldComplete().apply(
                    new CompletionConfig.CompletionStatus(succeeded, failed, completed, total, allRegistered));
            if (d != null && d.shouldComplete()) {
                return d.completionStatus();
            }
            return allDone ? ConcurrencyCompletionStatus.ALL_COMPLETED : null;
        }
        Integer tolerated = completion == null ? null : completion.toleratedFailureCount();
        Double percentage = completion == null ? null : completion.toleratedFailurePercentage();
        Integer minSuccessful = completion == null ? null : completion.minSuccessful();
        if (tolerated != null && failed > tolerated) {
            return ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED;
        }
        if (percentage != null && allRegistered && failed > Math.floor(total * percentage)) {
            return ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED;
        }
        if (minSuccessful != null && succeeded >= minSuccessful) {
            return ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED;
        }
        if (allDone) {
            if (minSuccessful != null && succeeded < minSuccessful) {
                return ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED;
            }
            return ConcurrencyCompletionStatus.ALL_COMPLETED;
        }
        return null;
    }
}
