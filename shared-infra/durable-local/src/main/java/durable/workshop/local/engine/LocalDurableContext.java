package durable.workshop.local.engine;

import com.amazonaws.services.lambda.runtime.Context;
import durable.workshop.local.ExecutionTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableCallbackFuture;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.ParallelDurableFuture;
import software.amazon.lambda.durable.StepContext;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.config.CallbackConfig;
import software.amazon.lambda.durable.config.InvokeConfig;
import software.amazon.lambda.durable.config.MapConfig;
import software.amazon.lambda.durable.config.NestingType;
import software.amazon.lambda.durable.config.ParallelConfig;
import software.amazon.lambda.durable.config.RunInChildContextConfig;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.StepSemantics;
import software.amazon.lambda.durable.config.WaitForCallbackConfig;
import software.amazon.lambda.durable.config.WaitForConditionConfig;
import software.amazon.lambda.durable.config.WithRetryConfig;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.exception.CallbackFailedException;
import software.amazon.lambda.durable.exception.CallbackSubmitterException;
import software.amazon.lambda.durable.exception.CallbackTimeoutException;
import software.amazon.lambda.durable.exception.ChildContextFailedException;
import software.amazon.lambda.durable.exception.DurableExecutionException;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;
import software.amazon.lambda.durable.exception.InvokeFailedException;
import software.amazon.lambda.durable.exception.InvokeStoppedException;
import software.amazon.lambda.durable.exception.InvokeTimedOutException;
import software.amazon.lambda.durable.exception.MapIterationFailedException;
import software.amazon.lambda.durable.exception.NonDeterministicExecutionException;
import software.amazon.lambda.durable.exception.ParallelBranchFailedException;
import software.amazon.lambda.durable.exception.StepException;
import software.amazon.lambda.durable.exception.StepFailedException;
import software.amazon.lambda.durable.exception.StepInterruptedException;
import software.amazon.lambda.durable.exception.UnrecoverableDurableExecutionException;
import software.amazon.lambda.durable.exception.WaitForConditionFailedException;
import software.amazon.lambda.durable.execution.SuspendExecutionException;
import software.amazon.lambda.durable.logging.DurableLogger;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.model.WaitForConditionResult;
import software.amazon.lambda.durable.retry.RetryDecision;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.retry.RetryStrategy;
import software.amazon.lambda.durable.retry.WaitForConditionWaitStrategy;
import software.amazon.lambda.durable.retry.WaitStrategies;
import software.amazon.lambda.durable.serde.SerDes;

/**
 * The durable context handed to the handler (and, for child contexts, to their functions). Every operation gets a
 * deterministic id from this context's counter; on replay the id finds the checkpoint of the earlier invocation.
 */
public final class LocalDurableContext implements DurableContext {
    static final int MAX_NAME_LENGTH = 256;

    final LocalExecution ex;
    /** The id its operations derive theirs from (the CONTEXT operation's id; null in the handler's context). */
    final String contextId;
    /**
     * The id its operations record as their parent: the context's own id, except in a FLAT parallel branch or map
     * item, which checkpoints no context of its own, so its operations hang under the batch's context.
     */
    final String parentForOps;
    final String contextName;
    final int depth;
    private final Context lambdaContext;
    private int counter;
    private boolean replaying;
    /** Operations of this context already in the checkpoint log, and how many of them this replay has reached. */
    private final int logged;
    private int reached;
    private DurableLogger logger;

    LocalDurableContext(LocalExecution ex, String contextId, String contextName, int depth, Context lambdaContext) {
        this(ex, contextId, contextId, contextName, depth, lambdaContext);
    }

    LocalDurableContext(LocalExecution ex, String contextId, String parentForOps, String contextName, int depth,
            Context lambdaContext) {
        this.ex = ex;
        this.contextId = contextId;
        this.parentForOps = parentForOps;
        this.contextName = contextName;
        this.depth = depth;
        this.lambdaContext = lambdaContext;
        this.logged = (int) ex.ops.values().stream().filter(r -> Objects.equals(r.scope, contextId)).count();
        this.replaying = logged > 0;
    }

    // ------------------------------------------------------------------ ids, replay checks, validation

    /**
     * The id the n-th next operation of this context will get, without taking it. Ids are derived as the official
     * SDK derives them: the SHA-256 hex of the counter in the handler's context ({@code sha256("1")}), of
     * {@code <parent id>-<counter>} inside a child context.
     */
    String counterPeek(int ahead) {
        int n = counter + ahead;
        return OperationIds.hash(contextId == null ? Integer.toString(n) : contextId + "-" + n);
    }

    /** Takes the next operation id. */
    String nextId() {
        String id = counterPeek(1);
        counter++;
        return id;
    }

    /** The checkpoint at this id, checked against what the code asks for now; null for a new operation. */
    OpRecord lookup(String id, String name, OperationType type, OperationSubType subType) {
        OpRecord r = ex.ops.get(id);
        if (r == null) {
            replaying = false;
            return null;
        }
        boolean sameKind = r.type == type && Objects.equals(r.subType, subType.getValue());
        if (!sameKind || !Objects.equals(r.name, name)) {
            // The official SDK words it "... type mismatch" or "... name mismatch"; the rest says what to change.
            String where = contextName == null ? "" : " inside \"" + contextName + "\"";
            throw ex.fatal(new NonDeterministicExecutionException("Non-deterministic execution: operation "
                    + (sameKind ? "name" : "type") + " mismatch at operation " + shortId(id) + where + ": it was "
                    + r.label() + " in the checkpoint log, but this replay reached "
                    + OpRecord.kindOf(type, subType.getValue()) + " \"" + name + "\" there instead. "
                    + "Code outside steps must call the same operations, with the same names, in the same order "
                    + "on every replay."));
        }
        reached++;
        if (!r.isTerminal() || reached >= logged) {
            // Past the last completed checkpoint: from here on the code runs for the first time.
            replaying = false;
        }
        return r;
    }

    OpRecord create(String id, String name, OperationType type, OperationSubType subType) {
        OpRecord r = ex.newRecord(id, parentForOps, name, type, subType.getValue());
        r.scope = contextId;
        r.status = OperationStatus.STARTED;
        return r;
    }

    /**
     * Refuses an operation that the engine cannot record safely: one called inside a step (it would not be
     * checkpointed as the step's own work) or from another thread (the checkpoint log is not thread-safe).
     */
    void checkCanStart(String what, String name) {
        if (BaseContext.CONTEXT.get() instanceof LocalStepContext step) {
            // The official SDK's message starts "Nested STEP operation is not supported".
            throw ex.fatal(new IllegalDurableOperationException("Nested STEP operation is not supported: a "
                    + "durable operation (" + what + " \"" + name + "\") was called inside step \""
                    + step.getContextName() + "\". Steps run plain code only; call durable operations from the "
                    + "handler or a child context."));
        }
        if (ex.swallowed() != null) {
            // The invocation is over: code that caught the suspension must not start anything new.
            throw ex.swallowed();
        }
        if (Thread.currentThread() != ex.invocationThread && !ex.scheduler.isUnitThread()) {
            throw ex.fatal(new IllegalDurableOperationException("A durable operation (" + what + " \"" + name
                    + "\") was called from thread \"" + Thread.currentThread().getName() + "\", which runs neither "
                    + "the handler nor a parallel branch or map item. Durable operations must be called from the "
                    + "handler's code; use stepAsync, parallel or map for concurrent work."));
        }
    }

    /** The first 8 characters of a (SHA-256) operation id, enough to tell operations apart in a message. */
    static String shortId(String id) {
        return id != null && id.length() > 8 ? id.substring(0, 8) : id;
    }

    /**
     * Names as the official SDK checks them: optional (null is accepted and the operation is recorded without a
     * name), never empty, at most 256 characters. Learning mode (strict replay) also requires a non-blank name.
     */
    void validateName(String name, String what) {
        validateName(name, what, ex.strict, MAX_NAME_LENGTH);
    }

    static void validateName(String name, String what, boolean learningMode, int maxLength) {
        if (name == null && !learningMode) {
            return;
        }
        if (name == null || name.isEmpty() || (learningMode && name.isBlank())) {
            throw new IllegalArgumentException("The " + what + " name must not be " + (name == null ? "null" : "blank")
                    + ": every durable operation needs a static, non-empty name (it identifies the checkpoint "
                    + "on replay).");
        }
        if (name.length() > maxLength) {
            throw new IllegalArgumentException("The " + what + " name \"" + name.substring(0, 40) + "...\" is "
                    + name.length() + " characters long; " + what + " names may have at most " + maxLength + ".");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                // The official SDK accepts printable ASCII only.
                throw new IllegalArgumentException("The " + what + " name \"" + name + "\" has the character '" + c
                        + "' (U+" + String.format("%04X", (int) c) + "); operation names may contain printable "
                        + "ASCII characters only (letters, digits, spaces, punctuation).");
            }
        }
    }

    SerDes serDesOr(SerDes configured) {
        return configured != null ? configured : ex.serDes;
    }

    private <T> T afterSerialization(SerDes sd, String payload, T value, TypeToken<T> type, String what) {
        if (type == null || !ex.config.shouldDeserializeAfterSerialization()) {
            return value;
        }
        return ex.deserialize(sd, payload, type, what);
    }

    private static String fmt(Duration d) {
        return ExecutionTrace.formatDuration(d);
    }

    private String until(Instant t) {
        return fmt(Duration.between(ex.now, t).isNegative() ? Duration.ZERO : Duration.between(ex.now, t));
    }

    // ------------------------------------------------------------------ steps

    @Override
    public <T> DurableFuture<T> stepAsync(String name, TypeToken<T> type, Function<StepContext, T> fn, StepConfig config) {
        return ex.scheduler.locked(() -> startStep(name, type, fn, config));
    }

    private <T> DurableFuture<T> startStep(
            String name, TypeToken<T> type, Function<StepContext, T> fn, StepConfig config) {
        validateName(name, "step");
        checkCanStart("step", name);
        Objects.requireNonNull(type, "step result type");
        Objects.requireNonNull(fn, "step function");
        String id = nextId();
        SerDes sd = serDesOr(config == null ? null : config.serDes());
        RetryStrategy strategy = config != null && config.retryStrategy() != null
                ? config.retryStrategy() : RetryStrategies.Presets.DEFAULT;
        StepSemantics semantics = config != null && config.semanticsPerRetry() != null
                ? config.semanticsPerRetry() : StepSemantics.AT_LEAST_ONCE_PER_RETRY;
        OpRecord r = lookup(id, name, OperationType.STEP, OperationSubType.STEP);
        if (r != null) {
            switch (r.status) {
                case SUCCEEDED -> {
                    ex.trace(depth, "replayed", r, null);
                    return EngineFuture.of(ex.deserialize(sd, r.result, type, "the result of " + r.label()), r.end);
                }
                case FAILED -> {
                    ex.trace(depth, "replayed", r, "(failed)");
                    return EngineFuture.failed(stepFailure(r, sd), r.end);
                }
                case PENDING -> {
                    if (ex.now.isBefore(r.nextAttemptAt)) {
                        OpRecord rr = r;
                        return pendingFuture(() -> rr.label() + " retries (attempt " + (rr.attempt + 1) + ") in "
                                + until(rr.nextAttemptAt));
                    }
                }
                default -> {
                    // STARTED: an earlier invocation began this attempt and never recorded how it ended.
                    if (semantics == StepSemantics.AT_MOST_ONCE_PER_RETRY) {
                        return interrupted(r, strategy, sd);
                    }
                }
            }
        } else {
            r = create(id, name, OperationType.STEP, OperationSubType.STEP);
        }
        // The log counts the attempts that ended in a retry or a failure; the next one is one more.
        OpRecord step = r;
        return async(step.label(), () -> runStep(step, step.attempt + 1, type, fn, sd, strategy));
    }

    private <T> EngineFuture<T> runStep(
            OpRecord r, int attempt, TypeToken<T> type, Function<StepContext, T> fn, SerDes sd, RetryStrategy strategy) {
        r.status = OperationStatus.STARTED;
        r.nextAttemptAt = null;
        ex.addEvent(EventType.STEP_STARTED, r, b -> { });
        T value = null;
        Throwable failure = null;
        LocalStepContext stepContext = new LocalStepContext(this, r.id, r.name, attempt);
        StepOutcome<T> outcome = runStepCode(stepContext, () -> fn.apply(stepContext));
        value = outcome.value();
        failure = outcome.failure();
        if (failure != null) {
            // Handled outside the step's scope, so the retry strategy runs as plain engine code.
            return stepError(r, attempt, failure, ex.operationError(failure, sd), strategy, sd);
        }
        String payload = ex.serialize(sd, value, "the result of " + r.label());
        ex.checkSize(payload, r);
        // As the service records it, a success keeps the attempt count and the last retried error.
        r.result = payload;
        r.finish(OperationStatus.SUCCEEDED, ex.now);
        ex.addEvent(EventType.STEP_SUCCEEDED, r, b -> b.stepSucceededDetails(d -> d.result(x -> x.payload(payload))
                .retryDetails(rd -> rd.currentAttempt(Math.max(1, r.attempt)))));
        ex.trace(depth, "ran", r, attempt > 1 ? "(attempt " + attempt + ")" : null);
        T out = afterSerialization(sd, payload, value, type, "the result of " + r.label());
        ex.checkpointed(r);
        return EngineFuture.of(out, r.end);
    }

    /**
     * Runs an operation's code: in default mode as a unit of its own on an executor thread, as the official SDK does,
     * so the caller goes on while it runs (a quick one still ends before the caller goes on, which keeps the order
     * deterministic); in learning mode right here.
     */
    private <T> EngineFuture<T> async(String label, Supplier<EngineFuture<T>> work) {
        if (!ex.concurrent) {
            return work.get();
        }
        return UnitFuture.start(ex, label, work, f -> { }, f -> { });
    }

    /** What a step's code gave: its value, or what it threw. */
    private record StepOutcome<T>(T value, Throwable failure) { }

    /**
     * Runs a step's code with the step context as the current context, without the engine's lock: in default mode
     * on the step's own executor thread, so other units go on meanwhile; in learning mode on the caller's thread.
     * Engine signals (a suspension, a fatal misuse) are not the step's failure: they go on ending the invocation.
     */
    private <T> StepOutcome<T> runStepCode(LocalStepContext stepContext, Supplier<T> code) {
        Object[] box = new Object[2];
        Runnable body = () -> {
            BaseContext previous = BaseContext.CONTEXT.get();
            BaseContext.CONTEXT.set(stepContext);
            try {
                box[0] = code.get();
            } catch (Throwable t) {
                box[1] = t;
            } finally {
                if (previous == null) {
                    BaseContext.CONTEXT.remove();
                } else {
                    BaseContext.CONTEXT.set(previous);
                }
            }
        };
        if (ex.concurrent) {
            ex.scheduler.runStep(body);
        } else {
            ex.scheduler.outside(body);
        }
        if (box[1] instanceof SuspendExecutionException s) {
            throw s;
        }
        if (box[1] instanceof UnrecoverableDurableExecutionException u) {
            throw u;
        }
        @SuppressWarnings("unchecked")
        T value = (T) box[0];
        return new StepOutcome<>(value, (Throwable) box[1]);
    }

    private <T> EngineFuture<T> stepError(
            OpRecord r, int attempt, Throwable t, ErrorObject error, RetryStrategy strategy, SerDes sd) {
        RetryDecision decision;
        try {
            decision = ex.scheduler.outside(() -> strategy.makeRetryDecision(t, attempt));
        } catch (RuntimeException e) {
            // A strategy that throws cannot say when to retry: the step fails with its own error, the one to show.
            decision = RetryDecision.fail();
        }
        // A retry or a failure is what the log counts as an attempt.
        r.attempt = attempt;
        r.error = error;
        String why = LocalExecution.simpleName(error.errorType()) + ": " + error.errorMessage();
        if (decision.shouldRetry()) {
            Duration delay = decision.delay() == null || decision.delay().isNegative() ? Duration.ZERO : decision.delay();
            r.status = OperationStatus.PENDING;
            r.nextAttemptAt = ex.now.plus(delay);
            ex.addEvent(EventType.STEP_FAILED, r, b -> b.stepFailedDetails(d -> d.error(x -> x.payload(error))
                    .retryDetails(rd -> rd.currentAttempt(r.attempt).nextAttemptDelaySeconds((int) delay.getSeconds()))));
            ex.trace(depth, "ran", r, "(attempt " + r.attempt + " failed: " + why + "; retry in " + fmt(delay) + ")");
            ex.checkpointed(r);
            return pendingFuture(() -> r.label() + " retries (attempt " + (r.attempt + 1) + ") in " + until(r.nextAttemptAt));
        }
        r.finish(OperationStatus.FAILED, ex.now);
        ex.addEvent(EventType.STEP_FAILED, r, b -> b.stepFailedDetails(d -> d.error(x -> x.payload(error))
                .retryDetails(rd -> rd.currentAttempt(r.attempt))));
        ex.trace(depth, "ran", r, "(attempt " + r.attempt + " failed: " + why + "; no more retries)");
        ex.checkpointed(r);
        return EngineFuture.failed(stepFailure(r, sd), r.end);
    }

    /** An at-most-once step found STARTED: its attempt may have had effects, so it is not run again blindly. */
    private <T> EngineFuture<T> interrupted(OpRecord r, RetryStrategy strategy, SerDes sd) {
        int attempt = r.attempt + 1;
        StepInterruptedException interruption = new StepInterruptedException(r.toOperation());
        ErrorObject error = interruption.getErrorObject();
        ex.trace(depth, "interrupted", r, "(attempt " + attempt + " started but never finished)");
        return stepError(r, attempt, interruption, error, strategy, sd);
    }

    /** What get() throws for a failed step: the original exception when it can be rebuilt, as the official SDK does. */
    private RuntimeException stepFailure(OpRecord r, SerDes sd) {
        if (StepInterruptedException.isStepInterruptedException(r.error)) {
            return new StepInterruptedException(r.toOperation());
        }
        RuntimeException original = ex.originalException(r.error, sd);
        return original != null ? original : new StepFailedException(r.toOperation());
    }

    /** A future that suspends on get(); the reason is worked out then, so it names the time still to go. */
    <T> EngineFuture<T> pendingFuture(Supplier<String> reason) {
        return new EngineFuture<>(ex.scheduler, () -> {
            throw ex.suspend(reason.get());
        }, () -> false, () -> null);
    }

    // ------------------------------------------------------------------ wait

    @Override
    public DurableFuture<Void> waitAsync(String name, Duration duration) {
        return ex.scheduler.locked(() -> startWait(name, duration));
    }

    private DurableFuture<Void> startWait(String name, Duration duration) {
        validateName(name, "wait");
        checkCanStart("wait", name);
        if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The duration of wait \"" + name + "\" must be at least 1 second (got "
                    + duration + ").");
        }
        String id = nextId();
        OpRecord r = lookup(id, name, OperationType.WAIT, OperationSubType.WAIT);
        if (r == null) {
            r = create(id, name, OperationType.WAIT, OperationSubType.WAIT);
            r.waitEnd = ex.now.plus(duration);
            OpRecord rr = r;
            ex.addEvent(EventType.WAIT_STARTED, r, b -> b.waitStartedDetails(
                    d -> d.duration((int) duration.getSeconds()).scheduledEndTimestamp(rr.waitEnd)));
            ex.trace(depth, "started", r, "(" + fmt(duration) + ")");
            ex.checkpointed(r);
        } else if (r.status == OperationStatus.SUCCEEDED) {
            ex.trace(depth, "replayed", r, null);
        }
        OpRecord w = r;
        return new EngineFuture<>(ex.scheduler, () -> {
            if (w.status == OperationStatus.SUCCEEDED) {
                return null;
            }
            throw ex.suspend("waiting " + until(w.waitEnd) + " for " + w.label());
        }, () -> w.status == OperationStatus.SUCCEEDED, () -> w.end);
    }

    // ------------------------------------------------------------------ chained invoke

    @Override
    public <T, U> DurableFuture<T> invokeAsync(
            String name, String functionName, U payload, TypeToken<T> type, InvokeConfig config) {
        return ex.scheduler.locked(() -> startInvoke(name, functionName, payload, type, config));
    }

    private <T, U> DurableFuture<T> startInvoke(
            String name, String functionName, U payload, TypeToken<T> type, InvokeConfig config) {
        validateName(name, "invoke");
        checkCanStart("invoke", name);
        if (functionName == null || functionName.isBlank()) {
            throw new IllegalArgumentException("The function name of invoke \"" + name + "\" must not be "
                    + (functionName == null ? "null" : "blank") + ": pass the (qualified) ARN or name of the function "
                    + "to call.");
        }
        Objects.requireNonNull(type, "invoke result type");
        String id = nextId();
        SerDes resultSerDes = serDesOr(config == null ? null : config.serDes());
        // Without a payload SerDes of its own the payload is written with the invoke's result SerDes.
        SerDes payloadSerDes = config != null && config.payloadSerDes() != null ? config.payloadSerDes() : resultSerDes;
        OpRecord r = lookup(id, name, OperationType.CHAINED_INVOKE, OperationSubType.CHAINED_INVOKE);
        if (r == null) {
            String json = ex.serialize(payloadSerDes, payload, "the payload of invoke \"" + name + "\"");
            r = create(id, name, OperationType.CHAINED_INVOKE, OperationSubType.CHAINED_INVOKE);
            r.functionName = functionName;
            r.payload = json;
            String tenant = config == null ? null : config.tenantId();
            ex.addEvent(EventType.CHAINED_INVOKE_STARTED, r, b -> b.chainedInvokeStartedDetails(
                    d -> d.functionName(functionName).tenantId(tenant).input(i -> i.payload(json))));
            ex.trace(depth, "started", r, "-> " + functionName);
            ex.checkpointed(r);
        } else if (r.isTerminal()) {
            ex.trace(depth, "replayed", r, r.status == OperationStatus.SUCCEEDED ? null : "(" + r.status + ")");
        }
        OpRecord inv = r;
        return new EngineFuture<>(ex.scheduler, () -> switch (inv.status) {
            case SUCCEEDED -> ex.deserialize(resultSerDes, inv.result, type, "the result of " + inv.label());
            case FAILED -> throw new InvokeFailedException(inv.toOperation());
            case TIMED_OUT -> throw new InvokeTimedOutException(inv.toOperation());
            case STOPPED -> throw new InvokeStoppedException(inv.toOperation());
            default -> throw ex.suspend(inv.label() + " of " + inv.functionName + " waiting for its result");
        }, inv::isTerminal, () -> inv.end);
    }

    // ------------------------------------------------------------------ callbacks

    @Override
    public <T> DurableCallbackFuture<T> createCallback(String name, TypeToken<T> type, CallbackConfig config) {
        return ex.scheduler.locked(() -> startCallback(name, type, config));
    }

    private <T> DurableCallbackFuture<T> startCallback(String name, TypeToken<T> type, CallbackConfig config) {
        validateName(name, "callback");
        checkCanStart("callback", name);
        Objects.requireNonNull(type, "callback result type");
        String id = nextId();
        SerDes sd = serDesOr(config == null ? null : config.serDes());
        OpRecord r = lookup(id, name, OperationType.CALLBACK, OperationSubType.CALLBACK);
        if (r == null) {
            r = create(id, name, OperationType.CALLBACK, OperationSubType.CALLBACK);
            r.callbackId = ex.newCallbackId(id);
            Duration timeout = config == null ? null : config.timeout();
            Duration heartbeat = config == null ? null : config.heartbeatTimeout();
            if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
                r.callbackDeadline = ex.now.plus(timeout);
            }
            OpRecord rr = r;
            ex.addEvent(EventType.CALLBACK_STARTED, r, b -> b.callbackStartedDetails(d -> d.callbackId(rr.callbackId)
                    .timeout(timeout == null ? null : (int) timeout.getSeconds())
                    .heartbeatTimeout(heartbeat == null ? null : (int) heartbeat.getSeconds())));
            ex.trace(depth, "created", r, timeout == null ? null : "(timeout " + fmt(timeout) + ")");
            ex.checkpointed(r);
        } else if (r.isTerminal()) {
            ex.trace(depth, "replayed", r, r.status == OperationStatus.SUCCEEDED ? null : "(" + r.status + ")");
        }
        return new CallbackFuture<>(this, r, type, sd);
    }

    /** The future of a callback; also knows the id an external system uses to complete it. */
    static final class CallbackFuture<T> extends EngineFuture<T> implements DurableCallbackFuture<T> {
        final OpRecord record;
        private final Scheduler scheduler;

        CallbackFuture(LocalDurableContext ctx, OpRecord r, TypeToken<T> type, SerDes sd) {
            super(ctx.ex.scheduler, () -> switch (r.status) {
                case SUCCEEDED -> ctx.ex.deserialize(sd, r.result, type, "the result of " + r.label());
                case FAILED -> throw new CallbackFailedException(r.toOperation());
                case TIMED_OUT -> throw new CallbackTimeoutException(r.toOperation());
                default -> throw ctx.ex.suspend(r.label() + " waiting to be completed");
            }, r::isTerminal, () -> r.end);
            this.record = r;
            this.scheduler = ctx.ex.scheduler;
        }

        @Override
        public String callbackId() {
            return scheduler.peek(() -> record.callbackId);
        }
    }

    @Override
    public <T> DurableFuture<T> waitForCallbackAsync(
            String name, TypeToken<T> type, BiConsumer<String, StepContext> submitter, WaitForCallbackConfig config) {
        return ex.scheduler.locked(() -> startWaitForCallback(name, type, submitter, config));
    }

    private <T> DurableFuture<T> startWaitForCallback(
            String name, TypeToken<T> type, BiConsumer<String, StepContext> submitter, WaitForCallbackConfig config) {
        // Its callback and submitter are named "<name>-callback" and "<name>-submitter": ten characters more.
        validateName(name, "waitForCallback", ex.strict, MAX_NAME_LENGTH - "-submitter".length());
        checkCanStart("waitForCallback", name);
        Objects.requireNonNull(submitter, "callback submitter");
        String id = nextId();
        CallbackConfig callbackConfig = config != null && config.callbackConfig() != null
                ? config.callbackConfig() : CallbackConfig.builder().build();
        StepConfig stepConfig = config != null && config.stepConfig() != null
                ? config.stepConfig() : StepConfig.builder().build();
        SerDes sd = serDesOr(callbackConfig.serDes());
        // A child context "name" holding the callback "name-callback" and the submitter step "name-submitter".
        String label = "waitForCallback \"" + name + "\"";
        return async(label, () -> runChild(id, name, OperationSubType.WAIT_FOR_CALLBACK, type, sd, true, child -> {
            DurableCallbackFuture<T> callback = child.createCallback(name + "-callback", type, callbackConfig);
            String submitterId = child.counterPeek(1);
            try {
                child.stepAsync(name + "-submitter", TypeToken.get(Void.class), s -> {
                    submitter.accept(callback.callbackId(), s);
                    return null;
                }, stepConfig).get();
            } catch (SuspendExecutionException | UnrecoverableDurableExecutionException e) {
                throw e;
            } catch (RuntimeException e) {
                // As in the official SDK: whatever the submitter threw, the caller sees CallbackSubmitterException
                // with the submitter step's StepFailedException message. (This body runs outside the lock, as
                // every child context's does; reading the log takes it.)
                throw ex.scheduler.locked(() -> {
                    OpRecord step = ex.ops.get(submitterId);
                    StepException cause = e instanceof StepException se ? se
                            : new StepFailedException(step != null ? step.toOperation() : null);
                    return new CallbackSubmitterException(((CallbackFuture<T>) callback).record.toOperation(), cause);
                });
            }
            return callback.get();
        }, FailMode.ORIGINAL));
    }

    // ------------------------------------------------------------------ wait for condition

    @Override
    public <T> DurableFuture<T> waitForConditionAsync(
            String name,
            TypeToken<T> type,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check,
            WaitForConditionConfig<T> config) {
        return ex.scheduler.locked(() -> startWaitForCondition(name, type, check, config));
    }

    private <T> DurableFuture<T> startWaitForCondition(
            String name,
            TypeToken<T> type,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check,
            WaitForConditionConfig<T> config) {
        validateName(name, "waitForCondition");
        checkCanStart("waitForCondition", name);
        Objects.requireNonNull(type, "condition state type");
        Objects.requireNonNull(check, "condition check function");
        String id = nextId();
        WaitForConditionWaitStrategy<T> strategy = config != null && config.waitStrategy() != null
                ? config.waitStrategy() : WaitStrategies.defaultStrategy();
        SerDes sd = serDesOr(config == null ? null : config.serDes());
        OpRecord r = lookup(id, name, OperationType.STEP, OperationSubType.WAIT_FOR_CONDITION);
        if (r != null) {
            if (r.status == OperationStatus.SUCCEEDED) {
                ex.trace(depth, "replayed", r, null);
                return EngineFuture.of(ex.deserialize(sd, r.result, type, "the state of " + r.label()), r.end);
            }
            if (r.status == OperationStatus.FAILED) {
                ex.trace(depth, "replayed", r, "(failed)");
                return EngineFuture.failed(conditionFailure(r, sd), r.end);
            }
            if (r.status == OperationStatus.PENDING && ex.now.isBefore(r.nextAttemptAt)) {
                OpRecord rr = r;
                return pendingFuture(() -> "waiting " + until(rr.nextAttemptAt) + " before poll " + (rr.attempt + 1)
                        + " of " + rr.label());
            }
        }
        T initial = config == null ? null : config.initialState();
        T state;
        if (r == null) {
            r = create(id, name, OperationType.STEP, OperationSubType.WAIT_FOR_CONDITION);
            // The first check sees the initial state after a trip through SerDes, like every later check.
            state = afterSerialization(sd, ex.serialize(sd, initial, "the initial state of " + r.label()), initial,
                    type, "the initial state of " + r.label());
        } else {
            // Each poll that asked for another one checkpointed its state; the next check starts from it.
            state = r.result != null ? ex.deserialize(sd, r.result, type, "the state of " + r.label()) : initial;
        }
        // The log counts the polls that ended in another poll or a failure; this one is the next.
        int attempt = r.attempt + 1;
        r.status = OperationStatus.STARTED;
        r.nextAttemptAt = null;
        ex.addEvent(EventType.STEP_STARTED, r, b -> { });
        WaitForConditionResult<T> outcome = null;
        Throwable failure = null;
        LocalStepContext stepContext = new LocalStepContext(this, r.id, r.name, attempt);
        T polled = state;
        String label = r.label();
        StepOutcome<WaitForConditionResult<T>> poll = runStepCode(stepContext, () -> {
            WaitForConditionResult<T> result = check.apply(polled, stepContext);
            if (result == null) {
                throw new IllegalStateException("The check function of " + label + " returned null; return "
                        + "WaitForConditionResult.continuePolling(state) or WaitForConditionResult.stopPolling(state).");
            }
            return result;
        });
        outcome = poll.value();
        failure = poll.failure();
        if (failure != null) {
            return conditionFailed(r, attempt, failure, "poll " + attempt + " failed", sd);
        }
        String payload = ex.serialize(sd, outcome.value(), "the state of " + r.label());
        ex.checkSize(payload, r);
        // The caller and the wait strategy see the state as a replay would: after a trip through SerDes.
        T next = afterSerialization(sd, payload, outcome.value(), type, "the state of " + r.label());
        if (outcome.isDone()) {
            r.result = payload;
            r.finish(OperationStatus.SUCCEEDED, ex.now);
            ex.addEvent(EventType.STEP_SUCCEEDED, r, b -> b.stepSucceededDetails(d -> d.result(x -> x.payload(payload))));
            ex.trace(depth, "ran", r, "poll " + attempt + " (done)");
            ex.checkpointed(r);
            return EngineFuture.of(next, r.end);
        }
        Duration delay;
        try {
            delay = ex.scheduler.outside(() -> strategy.evaluate(next, attempt));
        } catch (RuntimeException e) {
            return conditionFailed(r, attempt, e, "gave up after poll " + attempt, sd);
        }
        if (delay == null || delay.isNegative()) {
            delay = Duration.ZERO;
        }
        r.result = payload;
        r.attempt = attempt;
        r.status = OperationStatus.PENDING;
        r.nextAttemptAt = ex.now.plus(delay);
        ex.trace(depth, "ran", r, "poll " + attempt + " (not yet; next poll in " + fmt(delay) + ")");
        ex.checkpointed(r);
        OpRecord rr = r;
        return pendingFuture(() -> "waiting " + until(rr.nextAttemptAt) + " before poll " + (rr.attempt + 1) + " of "
                + rr.label());
    }

    private <T> EngineFuture<T> conditionFailed(OpRecord r, int attempt, Throwable t, String what, SerDes sd) {
        r.attempt = attempt;
        r.error = ex.operationError(t, sd);
        r.finish(OperationStatus.FAILED, ex.now);
        ex.addEvent(EventType.STEP_FAILED, r, b -> b.stepFailedDetails(d -> d.error(x -> x.payload(r.error))));
        ex.trace(depth, "ran", r, what + ": " + LocalExecution.simpleName(r.error.errorType()) + ": "
                + r.error.errorMessage());
        ex.checkpointed(r);
        return EngineFuture.failed(conditionFailure(r, sd), r.end);
    }

    private RuntimeException conditionFailure(OpRecord r, SerDes sd) {
        RuntimeException original = ex.originalException(r.error, sd);
        return original != null ? original : new WaitForConditionFailedException(r.toOperation());
    }

    // ------------------------------------------------------------------ child contexts

    /** How a failed child context reports its failure to the code that waits for it. */
    enum FailMode { CHILD, BRANCH, ITEM, ORIGINAL }

    @Override
    public <T> DurableFuture<T> runInChildContextAsync(
            String name, TypeToken<T> type, Function<DurableContext, T> fn, RunInChildContextConfig config) {
        return ex.scheduler.locked(() -> startChildContext(name, type, fn, config));
    }

    private <T> DurableFuture<T> startChildContext(
            String name, TypeToken<T> type, Function<DurableContext, T> fn, RunInChildContextConfig config) {
        validateName(name, "child context");
        checkCanStart("child context", name);
        Objects.requireNonNull(type, "child context result type");
        Objects.requireNonNull(fn, "child context function");
        String id = nextId();
        SerDes sd = serDesOr(config == null ? null : config.serDes());
        return async("child context \"" + name + "\"", () -> runChild(id, name, OperationSubType.RUN_IN_CHILD_CONTEXT,
                type, sd, false, fn::apply, FailMode.CHILD));
    }

    /**
     * Runs {@code body} in a child context (a CONTEXT operation). A completed child is answered from its checkpoint
     * unless {@code replayChildren}, in which case its body runs again and its operations replay one by one.
     */
    <T> EngineFuture<T> runChild(String id, String name, OperationSubType subType, TypeToken<T> type, SerDes sd,
            boolean replayChildren, Function<LocalDurableContext, T> body, FailMode mode) {
        OpRecord r = lookup(id, name, OperationType.CONTEXT, subType);
        if (r != null && r.isTerminal() && !replayChildren && !r.replayChildren) {
            ex.trace(depth, "replayed", r, r.status == OperationStatus.SUCCEEDED ? null : "(failed)");
            if (r.status == OperationStatus.SUCCEEDED) {
                T value = type == null ? null : ex.deserialize(sd, r.result, type, "the result of " + r.label());
                return EngineFuture.of(value, r.end);
            }
            return EngineFuture.failed(childFailure(r, mode, sd), r.end);
        }
        boolean fresh = r == null;
        if (fresh) {
            r = create(id, name, OperationType.CONTEXT, subType);
            ex.addEvent(EventType.CONTEXT_STARTED, r, b -> { });
        }
        ex.trace(depth, fresh ? "ran" : r.isTerminal() ? "replayed" : "resumed", r, null);
        LocalDurableContext child = new LocalDurableContext(ex, id, name, depth + 1, lambdaContext);
        BaseContext previous = BaseContext.CONTEXT.get();
        BaseContext.CONTEXT.set(child);
        T value;
        try {
            // The function's own code runs without the engine's lock; its operations take it again.
            value = ex.scheduler.outside(() -> body.apply(child));
        } catch (SuspendExecutionException s) {
            // An async child that suspends is not a failure: whoever calls get() on it suspends in its turn.
            return EngineFuture.pending(ex, s);
        } catch (UnrecoverableDurableExecutionException u) {
            throw u;
        } catch (Throwable t) {
            BaseContext.CONTEXT.set(previous);
            boolean wasTerminal = r.isTerminal();
            if (!wasTerminal) {
                r.error = ex.operationError(t, sd);
                r.finish(OperationStatus.FAILED, ex.now);
                OpRecord rr = r;
                ex.addEvent(EventType.CONTEXT_FAILED, r, b -> b.contextFailedDetails(d -> d.error(x -> x.payload(rr.error))));
            }
            RuntimeException failure = mode == FailMode.ORIGINAL ? asRuntime(t) : childFailure(r, mode, sd);
            if (!wasTerminal) {
                ex.checkpointed(r);
            }
            return EngineFuture.failed(failure, r.end);
        } finally {
            BaseContext.CONTEXT.set(previous);
        }
        if (!r.isTerminal()) {
            String payload = type == null ? null : ex.serialize(sd, value, "the result of " + r.label());
            if (ex.checkSize(payload, r)) {
                // Too large to checkpoint (ReplayChildren in the service's API): no result; a replay runs the
                // children again to rebuild it.
                r.replayChildren = true;
                r.result = null;
            } else {
                r.result = payload;
            }
            String checkpointed = r.result;
            r.finish(OperationStatus.SUCCEEDED, ex.now);
            ex.addEvent(EventType.CONTEXT_SUCCEEDED, r,
                    b -> b.contextSucceededDetails(d -> d.result(x -> x.payload(checkpointed))));
            T out = afterSerialization(sd, payload, value, type, "the result of " + r.label());
            ex.checkpointed(r);
            return EngineFuture.of(out, r.end);
        }
        return EngineFuture.of(value, r.end);
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new DurableExecutionException(t.getMessage(), t);
    }

    /** The original exception when it can be rebuilt (as the official SDK does), else the operation's wrapper. */
    RuntimeException childFailure(OpRecord r, FailMode mode, SerDes sd) {
        if (mode != FailMode.ITEM) {
            RuntimeException original = ex.originalException(r.error, sd);
            if (original != null) {
                return original;
            }
        }
        return switch (mode) {
            case BRANCH -> new ParallelBranchFailedException(r.toOperation());
            case ITEM -> new MapIterationFailedException(r.toOperation());
            default -> new ChildContextFailedException(r.toOperation());
        };
    }

    // ------------------------------------------------------------------ parallel and map

    @Override
    public ParallelDurableFuture parallel(String name, ParallelConfig config) {
        return ex.scheduler.locked(() -> startParallel(name, config));
    }

    private ParallelDurableFuture startParallel(String name, ParallelConfig config) {
        validateName(name, "parallel");
        checkCanStart("parallel", name);
        String id = nextId();
        OpRecord r = openBatch(id, name, OperationSubType.PARALLEL);
        LocalDurableContext inner = new LocalDurableContext(ex, id, name, depth + 1, lambdaContext);
        Batch batch = new Batch(inner, r, config == null ? null : config.completionConfig(),
                config == null ? 0 : config.maxConcurrency(),
                config != null && config.nestingType() == NestingType.FLAT);
        if (r.status == OperationStatus.SUCCEEDED && r.result != null) {
            ParallelResult recorded = ex.deserialize(ex.serDes, r.result, TypeToken.get(ParallelResult.class),
                    "the result of " + r.label());
            batch.replayDecided(recorded.statuses(), recorded.completionStatus());
        }
        return new ParallelFuture(batch);
    }

    @Override
    public <I, O> DurableFuture<MapResult<O>> mapAsync(
            String name, Collection<I> items, TypeToken<O> type, MapFunction<I, O> fn, MapConfig config) {
        return ex.scheduler.locked(() -> startMap(name, items, type, fn, config));
    }

    private <I, O> DurableFuture<MapResult<O>> startMap(
            String name, Collection<I> items, TypeToken<O> type, MapFunction<I, O> fn, MapConfig config) {
        validateName(name, "map");
        checkCanStart("map", name);
        Objects.requireNonNull(items, "map items");
        Objects.requireNonNull(type, "map result type");
        Objects.requireNonNull(fn, "map function");
        if (hasUnstableOrder(items)) {
            // As in the official SDK: item i must be the same item on every replay, so the order must be stable.
            throw new IllegalArgumentException("The items of map \"" + name + "\" must have deterministic iteration "
                    + "order, and a " + items.getClass().getName() + " has none; pass a List (or a LinkedHashSet, "
                    + "a TreeSet) instead.");
        }
        String id = nextId();
        Batch.checkMapItems(config == null ? null : config.completionConfig(), items.size());
        if (items.isEmpty()) {
            // As in the official SDK 2.1.0: an empty map completes at once and checkpoints nothing.
            ex.trace(depth, "ran", new OpRecord(id, contextId, name, OperationType.CONTEXT,
                    OperationSubType.MAP.getValue(), ex.now), "(no items, not checkpointed)");
            return EngineFuture.of(MapResult.empty(), ex.now);
        }
        OpRecord r = openBatch(id, name, OperationSubType.MAP);
        LocalDurableContext inner = new LocalDurableContext(ex, id, name, depth + 1, lambdaContext);
        Integer max = config == null ? null : config.maxConcurrency();
        Batch batch = new Batch(inner, r, config == null ? null : config.completionConfig(), max == null ? 0 : max,
                config != null && config.nestingType() == NestingType.FLAT);
        batch.expectTotal(items.size());
        SerDes sd = serDesOr(config == null ? null : config.serDes());
        if (r.status == OperationStatus.SUCCEEDED && r.result != null && !r.result.isEmpty()) {
            MapResult<Object> recorded = ex.deserialize(sd, r.result, new TypeToken<MapResult<Object>>() { },
                    "the result of " + r.label());
            MapResult<O> stored = r.replayChildren ? null : typed(recorded, sd, type);
            if (stored != null) {
                // As in the official SDK: a map whose checkpoint holds its result answers from it, without
                // running or replaying its items (FLAT ones included).
                return EngineFuture.of(stored, r.end);
            }
            batch.replayDecided(recorded.items().stream().map(MapResult.MapResultItem::status).toList(),
                    recorded.completionReason());
        }
        // As in the official SDK the map checkpoints its MapResult when it is decided.
        batch.checkpointWith(() -> mapResult(batch, items.size()), sd);
        List<I> list = new ArrayList<>(items);
        for (int i = 0; i < list.size(); i++) {
            I item = list.get(i);
            int index = i;
            batch.add(name + "-iteration-" + i, OperationSubType.MAP_ITERATION, type, sd,
                    c -> fn.apply(item, index, c), FailMode.ITEM);
        }
        batch.closeRegistration();
        return new EngineFuture<>(ex.scheduler, () -> {
            batch.awaitDecision();
            return mapResult(batch, items.size());
        }, batch::isDecided, () -> r.end);
    }

    /**
     * A checkpointed MapResult read without its item type, given its item type: each result makes one more trip
     * through the map's SerDes. Null when that SerDes cannot do it (the items then replay instead).
     */
    private static <O> MapResult<O> typed(MapResult<Object> recorded, SerDes sd, TypeToken<O> type) {
        try {
            List<MapResult.MapResultItem<O>> items = new ArrayList<>();
            for (MapResult.MapResultItem<Object> item : recorded.items()) {
                O value = item.result() == null ? null : sd.deserialize(sd.serialize(item.result()), type);
                items.add(new MapResult.MapResultItem<>(item.status(), value, item.error()));
            }
            return new MapResult<>(items, recorded.completionReason());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The map's result: every item in input order, with the status it had when the map was decided. */
    @SuppressWarnings("unchecked")
    private static <O> MapResult<O> mapResult(Batch batch, int size) {
        List<MapResult.MapResultItem<O>> results = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            switch (batch.statusOf(i)) {
                case SUCCEEDED -> results.add(MapResult.MapResultItem.succeeded((O) batch.valueOf(i)));
                case FAILED -> {
                    ErrorObject e = batch.errorOf(i);
                    results.add(MapResult.MapResultItem.failed(new MapResult.MapError(
                            e == null ? null : e.errorType(), e == null ? null : e.errorMessage(),
                            e == null || !e.hasStackTrace() ? List.of() : e.stackTrace())));
                }
                default -> results.add(MapResult.MapResultItem.skipped());
            }
        }
        return new MapResult<>(results, batch.decided());
    }

    /** The collections the official SDK refuses: a HashSet (not a LinkedHashSet) and views of unordered maps. */
    private static boolean hasUnstableOrder(Collection<?> items) {
        if (items instanceof LinkedHashSet) {
            return false;
        }
        Class<?> enclosing = items.getClass().getEnclosingClass();
        return items instanceof HashSet || enclosing == HashMap.class || enclosing == IdentityHashMap.class
                || enclosing == WeakHashMap.class || enclosing == ConcurrentHashMap.class;
    }

    private OpRecord openBatch(String id, String name, OperationSubType subType) {
        OpRecord r = lookup(id, name, OperationType.CONTEXT, subType);
        if (r == null) {
            r = create(id, name, OperationType.CONTEXT, subType);
            ex.addEvent(EventType.CONTEXT_STARTED, r, b -> { });
            ex.trace(depth, "ran", r, null);
        } else {
            ex.trace(depth, r.isTerminal() ? "replayed" : "resumed", r, null);
        }
        return r;
    }

    // ------------------------------------------------------------------ withRetry

    @Override
    public <T> DurableFuture<T> withRetryAsync(
            String name, BiFunction<Integer, DurableContext, T> operation, WithRetryConfig config) {
        return ex.scheduler.locked(() -> startWithRetry(name, operation, config));
    }

    private <T> DurableFuture<T> startWithRetry(
            String name, BiFunction<Integer, DurableContext, T> operation, WithRetryConfig config) {
        validateName(name, "withRetry");
        checkCanStart("withRetry", name);
        Objects.requireNonNull(operation, "withRetry function");
        String id = nextId();
        RetryStrategy strategy = config != null && config.retryStrategy() != null
                ? config.retryStrategy() : RetryStrategies.Presets.DEFAULT;
        // A context "name" (subtype WithRetry) runs every attempt in turn, as the official SDK does; after a failed
        // attempt that the strategy retries, it waits "name-backoff-<attempt>" (1 s when the delay is zero).
        // The result has no declared type, so it is never read back from a checkpoint: the body always replays.
        String label = "withRetry \"" + name + "\"";
        return async(label, () -> runChild(id, name, OperationSubType.WITH_RETRY, null, ex.serDes, true, ctx -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return operation.apply(attempt, ctx);
                } catch (SuspendExecutionException | UnrecoverableDurableExecutionException e) {
                    throw e;
                } catch (RuntimeException e) {
                    RetryDecision decision = strategy.makeRetryDecision(e, attempt);
                    if (!decision.shouldRetry()) {
                        throw e;
                    }
                    Duration delay = decision.delay();
                    if (delay == null || delay.compareTo(Duration.ofSeconds(1)) < 0) {
                        delay = Duration.ofSeconds(1);
                    }
                    ctx.wait(name + "-backoff-" + attempt, delay);
                }
            }
        }, FailMode.ORIGINAL));
    }

    // ------------------------------------------------------------------ BaseContext

    @Override
    public boolean isReplaying() {
        return ex.scheduler.peek(() -> replaying);
    }

    @Override
    public DurableLogger getLogger() {
        if (logger == null) {
            logger = new DurableLogger(LoggerFactory.getLogger("durable"));
        }
        return logger;
    }

    @Override
    public DurableLogger getLogger(Logger slf4jLogger) {
        return new DurableLogger(slf4jLogger);
    }

    @Override
    public Context getLambdaContext() {
        return lambdaContext;
    }

    @Override
    public String getExecutionArn() {
        return ex.arn;
    }

    @Override
    public DurableConfig getDurableConfig() {
        return ex.config;
    }

    @Override
    public String getContextId() {
        return contextId;
    }

    @Override
    public String getContextName() {
        return contextName;
    }
}
