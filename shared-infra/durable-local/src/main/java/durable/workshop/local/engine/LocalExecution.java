package durable.workshop.local.engine;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import durable.workshop.local.ExecutionTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.exception.SerDesException;
import software.amazon.lambda.durable.exception.DurableOperationException;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;
import software.amazon.lambda.durable.exception.UnrecoverableDurableExecutionException;
import software.amazon.lambda.durable.execution.SuspendExecutionException;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.serde.SerDes;

/**
 * One durable execution kept in memory: the checkpoint log, the history events, the virtual clock and the trace.
 * {@link #invoke} runs the handler once from the top, the way the service invokes a durable function.
 */
public final class LocalExecution {
    /** The service's limit on a checkpointed result. */
    public static final int MAX_RESULT_BYTES = 262_144;
    private static final int STACK_FRAMES = 20;
    private static final AtomicInteger EXECUTION_COUNTER = new AtomicInteger();

    final DurableConfig config;
    final SerDes serDes;
    final Map<String, OpRecord> ops = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();
    final String arn;
    final Instant startTime;
    final String inputPayload;
    final boolean strict;
    /** Time out callbacks at their configured timeout; off by default, as in the official runner. */
    private boolean callbackTimeouts;
    /** The name the last getCallbackId found no callback for, to explain a null callback id. */
    private String missingCallbackName;
    Instant now;
    private int eventSeq;
    private int callbackSeq;
    /** Default mode warns about an oversized result once per execution. */
    private boolean warnedAboutSize;
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecution.class);

    private ExecutionStatus status = ExecutionStatus.PENDING;
    private String resultPayload;
    private ErrorObject error;
    private final List<ExecutionTrace.Invocation> invocations = new ArrayList<>();

    // State of the invocation in progress.
    private List<ExecutionTrace.Entry> entries;
    private Set<String> suspendReasons;
    private RuntimeException fatal;
    boolean strictSuspended;
    /**
     * The suspension on its way out of this thread's code (the handler's, a unit's). The engine clears it where it
     * parks an async child; if the code catches it instead, the invocation still ends suspended, as with the official
     * SDK, whose invocation is over once it suspends, whatever the handler does next. Kept per thread: while it
     * unwinds through one unit's code (without the engine's lock), the other units go on as usual.
     */
    private final ThreadLocal<SuspendExecutionException> unwinding = new ThreadLocal<>();
    /** A suspension a unit's code caught and then ended without letting through: no operation may start after it. */
    private SuspendExecutionException caughtByUnit;
    /** The thread running the invocation; null between invocations. */
    Thread invocationThread;
    /**
     * Default mode runs the code of steps, child contexts, branches and items on DurableConfig's executor, as the
     * official SDK does; learning mode (strict replay, which suspends after every checkpoint) runs them one after the
     * other on the handler's thread.
     */
    final boolean concurrent;
    final Scheduler scheduler;

    public LocalExecution(DurableConfig config, String inputPayload, boolean strict) {
        this(config, inputPayload, strict, null);
    }

    /**
     * An execution with a given ARN (a local Lambda endpoint names executions as the service does); null gives the
     * runner's generated one.
     */
    public LocalExecution(DurableConfig config, String inputPayload, boolean strict, String givenArn) {
        this.config = config;
        this.serDes = config.getSerDes();
        this.inputPayload = inputPayload;
        this.strict = strict;
        this.concurrent = !strict;
        this.scheduler = new Scheduler(config.getExecutorService());
        this.startTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.now = startTime;
        int n = EXECUTION_COUNTER.incrementAndGet();
        this.arn = givenArn != null ? givenArn : "arn:aws:lambda:us-east-1:123456789012:function:local-durable-function:$LATEST/durable-execution/"
                + "local-" + n + "/" + String.format("%08x-0000-4000-8000-%012x", n, n);
        addEvent(EventType.EXECUTION_STARTED, null, b -> b.name("local-" + n)
                .executionStartedDetails(d -> d.input(i -> i.payload(inputPayload))));
    }

    // ------------------------------------------------------------------ invocation

    /** Runs the handler once from the top. Returns the execution status after this invocation. */
    public <I, O> ExecutionStatus invoke(
            BiFunction<I, DurableContext, O> handler, TypeToken<I> inputType, Context lambdaContext) {
        if (status != ExecutionStatus.PENDING) {
            return status;
        }
        settleTimers();
        entries = new ArrayList<>();
        suspendReasons = new LinkedHashSet<>();
        fatal = null;
        strictSuspended = false;
        unwinding.remove();
        caughtByUnit = null;
        Duration at = Duration.between(startTime, now);
        String outcome;
        LocalDurableContext root = new LocalDurableContext(this, null, null, 0, lambdaContext);
        BaseContext previous = BaseContext.CONTEXT.get();
        BaseContext.CONTEXT.set(root);
        invocationThread = Thread.currentThread();
        scheduler.enterInvocation();
        try {
            I input = deserialize(serDes, inputPayload, inputType, "the execution input");
            // The handler's own code runs without the engine's lock; each operation it calls takes it.
            O output = scheduler.outside(() -> handler.apply(input, root));
            // Branches and items still running (after an early completion) end before the invocation does.
            scheduler.awaitAllEnded();
            if (fatal != null) {
                outcome = fail(fatal);
            } else if (swallowed() != null) {
                outcome = swallowedSuspension();
            } else {
                String payload = serialize(serDes, output, "the handler's result");
                status = ExecutionStatus.SUCCEEDED;
                resultPayload = payload;
                addEvent(EventType.EXECUTION_SUCCEEDED, null,
                        b -> b.executionSucceededDetails(d -> d.result(r -> r.payload(payload))));
                outcome = "succeeded" + (payload == null ? "" : ": " + abbreviate(payload));
            }
        } catch (SuspendExecutionException s) {
            scheduler.awaitAllEnded();
            if (fatal != null) {
                outcome = fail(fatal);
            } else {
                outcome = "suspended: " + (suspendReasons.isEmpty() ? "by the handler" : String.join("; ", suspendReasons));
            }
        } catch (Throwable t) {
            scheduler.awaitAllEnded();
            outcome = fatal == null && swallowed() != null ? swallowedSuspension() : fail(fatal != null ? fatal : t);
        } finally {
            unwinding.remove();
            scheduler.leaveInvocation();
            invocationThread = null;
            if (previous == null) {
                BaseContext.CONTEXT.remove();
            } else {
                BaseContext.CONTEXT.set(previous);
            }
        }
        addEvent(EventType.INVOCATION_COMPLETED, null, b -> { });
        invocations.add(new ExecutionTrace.Invocation(invocations.size() + 1, at, entries, outcome));
        entries = null;
        return status;
    }

    private String swallowedSuspension() {
        return "suspended: " + String.join("; ", suspendReasons) + " (the handler caught the suspension and went on; "
                + "that changes nothing: never catch Throwable or Error around durable operations, since "
                + "SuspendExecutionException is an Error)";
    }

    private String fail(Throwable t) {
        status = ExecutionStatus.FAILED;
        error = executionError(t);
        ErrorObject e = error;
        addEvent(EventType.EXECUTION_FAILED, null, b -> b.executionFailedDetails(d -> d.error(x -> x.payload(e))));
        return e == null ? "failed: " + simpleName(t.getClass().getName()) + " (no error object)"
                : "failed: " + simpleName(e.errorType()) + ": " + e.errorMessage();
    }

    // ------------------------------------------------------------------ virtual time

    /** Completes waits, readies retries and times out callbacks whose time has come (what the service does). */
    void settleTimers() {
        for (OpRecord r : ops.values()) {
            if (r.type == OperationType.WAIT && r.status == OperationStatus.STARTED && !now.isBefore(r.waitEnd)) {
                r.finish(OperationStatus.SUCCEEDED, r.waitEnd);
                addEvent(EventType.WAIT_SUCCEEDED, r, b -> b.waitSucceededDetails(d -> d.duration(
                        (int) Duration.between(r.start, r.waitEnd).getSeconds())));
            } else if (callbackTimeouts && r.type == OperationType.CALLBACK && r.status == OperationStatus.STARTED
                    && r.callbackDeadline != null && !now.isBefore(r.callbackDeadline)) {
                r.error = ErrorObject.builder()
                        .errorType("CallbackTimeout")
                        .errorMessage("Callback \"" + r.name + "\" timed out after "
                                + ExecutionTrace.formatDuration(Duration.between(r.start, r.callbackDeadline)))
                        .build();
                r.finish(OperationStatus.TIMED_OUT, r.callbackDeadline);
                addEvent(EventType.CALLBACK_TIMED_OUT, r, b -> b.callbackTimedOutDetails(d -> d.error(x -> x.payload(r.error))));
            }
        }
    }

    /**
     * How far virtual time must move so that every pending wait ends and every scheduled retry or poll is due (the
     * official runner advances all of them at once); null if there is none. With {@code orCallbackTimeout}, when no
     * wait or retry is pending, the earliest configured callback timeout instead (only when callback timeouts are
     * enforced).
     */
    public Instant nextTimer(boolean orCallbackTimeout) {
        return scheduler.locked(() -> {
            Instant latest = null;
            Instant callback = null;
            for (OpRecord r : ops.values()) {
                Instant t = null;
                if (r.type == OperationType.WAIT && r.status == OperationStatus.STARTED) {
                    t = r.waitEnd;
                } else if (r.type == OperationType.STEP && r.status == OperationStatus.PENDING) {
                    t = r.nextAttemptAt;
                } else if (callbackTimeouts && r.type == OperationType.CALLBACK && r.status == OperationStatus.STARTED
                        && r.callbackDeadline != null && (callback == null || r.callbackDeadline.isBefore(callback))) {
                    callback = r.callbackDeadline;
                }
                if (t != null && (latest == null || t.isAfter(latest))) {
                    latest = t;
                }
            }
            return latest != null ? latest : orCallbackTimeout ? callback : null;
        });
    }

    public void enforceCallbackTimeouts(boolean on) {
        callbackTimeouts = on;
    }

    /** Moves the virtual clock forward (never back) and settles what became due. */
    public void advanceTo(Instant t) {
        scheduler.locked(() -> {
            if (t != null && t.isAfter(now)) {
                now = t;
            }
            settleTimers();
        });
    }

    // ------------------------------------------------------------------ log helpers

    OpRecord newRecord(String id, String parentId, String name, OperationType type, String subType) {
        OpRecord r = new OpRecord(id, parentId, name, type, subType, now);
        ops.put(id, r);
        return r;
    }

    /** Removes an operation and everything below it from the log. */
    public void forget(OpRecord r) {
        List<String> doomed = ops.values().stream()
                .filter(o -> o.id.equals(r.id) || (o.parentId != null && isDescendant(o, r.id)))
                .map(o -> o.id)
                .collect(Collectors.toList());
        doomed.forEach(ops::remove);
    }

    private boolean isDescendant(OpRecord o, String ancestorId) {
        String p = o.parentId;
        while (p != null) {
            if (p.equals(ancestorId)) {
                return true;
            }
            OpRecord parent = ops.get(p);
            p = parent == null ? null : parent.parentId;
        }
        return false;
    }

    void addEvent(EventType type, OpRecord r, Consumer<Event.Builder> details) {
        Event.Builder b = Event.builder().eventType(type).eventId(++eventSeq).eventTimestamp(now);
        if (r != null) {
            b.id(r.id).name(r.name).parentId(r.parentId).subType(r.subType);
        } else {
            b.id(arn);
        }
        details.accept(b);
        events.add(b.build());
    }

    String newCallbackId(String opId) {
        String raw = arn + "#" + opId + "#" + (++callbackSeq);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ trace, suspension, strict mode

    void trace(int depth, String action, OpRecord r, String detail) {
        if (entries != null) {
            entries.add(new ExecutionTrace.Entry(depth, action, r == null ? null : r.kind(), r == null ? null : r.name,
                    detail));
        }
    }

    EngineSuspend suspend(String reason) {
        beforeSuspending();
        if (suspendReasons != null) {
            suspendReasons.add(reason);
        }
        EngineSuspend s = new EngineSuspend(reason);
        unwinding.set(s);
        return s;
    }

    /** A parked suspension thrown again, when someone asks a pending future for its result. */
    SuspendExecutionException resumeUnwinding(SuspendExecutionException s) {
        beforeSuspending();
        unwinding.set(s);
        return s;
    }

    /**
     * The handler suspends only when nothing else can go on in this invocation: as in the official SDK, it first
     * lets every running branch and item end (each ends done or waiting for a later invocation).
     */
    private void beforeSuspending() {
        if (Thread.currentThread() == invocationThread) {
            scheduler.awaitAllEnded();
        }
    }

    /** The engine caught the suspension to park an async child: the invocation goes on. */
    void parked() {
        unwinding.remove();
    }

    /** A unit's code has returned (default mode): a suspension still unwinding there was caught by that code. */
    void unitEnded() {
        SuspendExecutionException own = unwinding.get();
        unwinding.remove();
        if (own != null && caughtByUnit == null) {
            caughtByUnit = own;
        }
    }

    /**
     * The suspension this thread's code caught and should have let through, or one a unit's code caught, if any: no
     * operation may start after it.
     */
    SuspendExecutionException swallowed() {
        SuspendExecutionException own = unwinding.get();
        return own != null ? own : caughtByUnit;
    }

    /** Strict replay: end the invocation right after a new checkpoint, so the next one replays it. */
    void checkpointed(OpRecord r) {
        if (strict) {
            strictSuspended = true;
            throw suspend("strict replay after checkpoint of " + r.label());
        }
    }

    /** An error the handler must not be able to swallow (non-determinism, oversized results). */
    RuntimeException fatal(RuntimeException e) {
        if (fatal == null) {
            fatal = e;
        }
        return e;
    }

    // ------------------------------------------------------------------ serialization

    // A SerDes (DurableConfig's or an operation's own) runs under the engine's lock, unlike the rest of the
    // execution's code: it is a quick, pure conversion that must not block, and each operation writes what it gives
    // into its record in the same step, so no other unit sees the record half done.

    String serialize(SerDes sd, Object value, String what) {
        try {
            return sd.serialize(value);
        } catch (RuntimeException e) {
            throw fatal(new SerDesException("Could not serialize " + what + " ("
                    + (value == null ? "null" : value.getClass().getName()) + "): " + rootMessage(e), e));
        }
    }

    <T> T deserialize(SerDes sd, String payload, TypeToken<T> type, String what) {
        try {
            return sd.deserialize(payload, type);
        } catch (RuntimeException e) {
            throw fatal(new SerDesException("Could not deserialize " + what + " as " + type + ": " + rootMessage(e), e));
        }
    }

    /**
     * A result larger than the service's 256 KB. The official local runner accepts it (the SDK checkpoints a large
     * child context result without it and rebuilds it by replaying the children), so default mode logs one warning
     * per execution and goes on; learning mode (strict replay) fails the execution with the course's rule. Returns
     * whether the payload is over the limit.
     */
    boolean checkSize(String payload, OpRecord r) {
        if (payload == null) {
            return false;
        }
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_RESULT_BYTES) {
            return false;
        }
        if (!strict) {
            if (!warnedAboutSize) {
                warnedAboutSize = true;
                LOG.warn("The result of {} is {} bytes once serialized, more than the {} bytes (256 KB) a checkpoint "
                        + "holds. Keep large data in a store (S3, DynamoDB) and return a reference to it.",
                        r.label(), bytes, MAX_RESULT_BYTES);
            }
            return true;
        }
        throw fatal(new IllegalDurableOperationException("The result of " + r.label() + " is " + bytes
                + " bytes once serialized; a checkpointed result may be at most " + MAX_RESULT_BYTES
                + " bytes (256 KB). Keep large data in a store (S3, DynamoDB) and return a reference to it."));
    }

    // ------------------------------------------------------------------ errors

    /**
     * The error of a failed operation. Like the official SDK it keeps the exception itself (serialized with the
     * operation's SerDes) in {@code errorData}, so that waiting code can get the original exception back; a
     * {@code DurableOperationException} keeps its own error object.
     */
    ErrorObject operationError(Throwable t, SerDes sd) {
        if (t instanceof DurableOperationException d && d.getErrorObject() != null) {
            return d.getErrorObject();
        }
        String data = null;
        try {
            data = sd.serialize(t);
        } catch (RuntimeException | StackOverflowError e) {
            // Not serializable (a cyclic graph can overflow the stack): type, message and stack trace still say
            // what happened, and waiting code gets the SDK's wrapper exception instead of the original.
        }
        return errorOf(t).toBuilder().errorData(data).build();
    }

    /** The original exception rebuilt from a checkpointed error, or null when that is not possible. */
    RuntimeException originalException(ErrorObject error, SerDes sd) {
        if (error == null || error.errorData() == null || error.errorType() == null) {
            return null;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(error.errorType(), false,
                    loader != null ? loader : LocalExecution.class.getClassLoader());
            if (!RuntimeException.class.isAssignableFrom(type)) {
                return null;
            }
            Object rebuilt = sd.deserialize(error.errorData(), TypeToken.get(type));
            return rebuilt instanceof RuntimeException re ? re : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * The error of a failed execution, as the official SDK reports it: an operation's exception that reaches the
     * handler's caller (a step's StepFailedException, an InvokeFailedException, ...) and an unrecoverable error give
     * their own error object, so the execution fails with the operation's error type and message; any other
     * exception gives its class name and message.
     */
    ErrorObject executionError(Throwable t) {
        if (t instanceof UnrecoverableDurableExecutionException u && u.getErrorObject() != null) {
            return u.getErrorObject();
        }
        if (t instanceof DurableOperationException d) {
            // An operation's own error; a timed-out callback or invoke has none (or an empty one), and the
            // official runner then reports no error at all.
            ErrorObject own = d.getErrorObject();
            return own == null || own.errorType() == null ? null : own;
        }
        return operationError(t, serDes);
    }

    /** Type, message and stack frames, each frame written "class|method|file|line" as the official SDK writes it. */
    static ErrorObject errorOf(Throwable t) {
        return ErrorObject.builder()
                .errorType(t.getClass().getName())
                .errorMessage(t.getMessage())
                .stackTrace(Arrays.stream(t.getStackTrace()).limit(STACK_FRAMES)
                        .map(f -> f.getClassName() + "|" + f.getMethodName() + "|" + f.getFileName() + "|"
                                + f.getLineNumber())
                        .collect(Collectors.toList()))
                .build();
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    static String simpleName(String className) {
        if (className == null) {
            return "Error";
        }
        int i = className.lastIndexOf('.');
        return i < 0 ? className : className.substring(i + 1);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    // ------------------------------------------------------------------ what a test does from outside

    // The runner's actions that read or change the log (here, and nextTimer, advanceTo, records, events) take the
    // engine's lock like any operation: a test or the local endpoint calls them from a thread of its own.

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first operation with this name, nested ones included, in the order they started; null if none. */
    public OpRecord find(String name) {
        return scheduler.locked(() -> {
            for (OpRecord r : ops.values()) {
                if (Objects.equals(r.name, name)) {
                    return r;
                }
            }
            return null;
        });
    }

    private List<String> namesOf(OperationType type) {
        return ops.values().stream().filter(r -> r.type == type).map(r -> r.name).collect(Collectors.toList());
    }

    /** The id of the first callback with this name; null when there is none, as in the official runner. */
    public String callbackIdOf(String name) {
        return scheduler.locked(() -> {
            for (OpRecord r : ops.values()) {
                if (r.type == OperationType.CALLBACK && Objects.equals(r.name, name)) {
                    missingCallbackName = null;
                    return r.callbackId;
                }
            }
            missingCallbackName = name;
            return null;
        });
    }

    /** Why getCallbackId gave null for the name it was last asked about, for the error of a null callback id. */
    private String whyNoCallback() {
        String name = missingCallbackName;
        if (name == null) {
            return "";
        }
        OpRecord other = find(name);
        if (other != null && other.type == OperationType.CONTEXT
                && OperationSubType.WAIT_FOR_CALLBACK.getValue().equals(other.subType)) {
            return " runner.getCallbackId(\"" + name + "\") returned null: \"" + name + "\" is a waitForCallback "
                    + "operation, and its callback is named \"" + name + "-callback\".";
        }
        return " runner.getCallbackId(\"" + name + "\") returned null: no callback of that name has been created "
                + "(callbacks so far: " + namesOf(OperationType.CALLBACK) + "); run the execution until it reaches "
                + "the callback first.";
    }

    private OpRecord openCallback(String callbackId) {
        if (callbackId == null || callbackId.isBlank()) {
            throw new IllegalArgumentException("The callback id must not be null or blank; get it with "
                    + "runner.getCallbackId(\"<callback name>\")." + whyNoCallback());
        }
        OpRecord found = null;
        for (OpRecord r : ops.values()) {
            if (r.type == OperationType.CALLBACK && callbackId.equals(r.callbackId)) {
                found = r;
            }
        }
        if (found == null) {
            // IllegalStateException, as the official runner throws for an id it does not know.
            throw new IllegalStateException("Unknown callback id \"" + callbackId + "\": no callback of this "
                    + "execution has it (callbacks so far: " + namesOf(OperationType.CALLBACK) + ").");
        }
        if (found.isTerminal()) {
            throw new IllegalStateException("Callback \"" + found.name + "\" (id " + callbackId + ") is already "
                    + found.status + "; a callback can be completed, failed or timed out only once.");
        }
        return found;
    }

    private static void requireJson(String json, String what) {
        if (json == null) {
            throw new IllegalArgumentException("The result of " + what + " must be a JSON document, not null "
                    + "(send \"null\" for a null result).");
        }
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            JSON.readTree(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("The result of " + what + " is not valid JSON: unexpected text "
                        + "after the first value in " + abbreviate(json));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The result of " + what + " is not valid JSON (" + abbreviate(json)
                    + "): " + e.getOriginalMessage().split("\n")[0]
                    + ". Strings must be quoted, e.g. \"\\\"approved\\\"\".");
        } catch (IOException e) {
            throw new IllegalArgumentException("The result of " + what + " could not be read: " + e.getMessage());
        }
        if (json.isBlank()) {
            throw new IllegalArgumentException("The result of " + what + " is not valid JSON: it is empty.");
        }
    }

    public void completeCallback(String callbackId, String json) {
        scheduler.locked(() -> {
            OpRecord r = openCallback(callbackId);
            requireJson(json, "callback \"" + r.name + "\"");
            r.result = json;
            r.finish(OperationStatus.SUCCEEDED, now);
            addEvent(EventType.CALLBACK_SUCCEEDED, r,
                    b -> b.callbackSucceededDetails(d -> d.result(x -> x.payload(json))));
        });
    }

    public void failCallback(String callbackId, ErrorObject err) {
        scheduler.locked(() -> {
            OpRecord r = openCallback(callbackId);
            r.error = err != null ? err : ErrorObject.builder().errorType("CallbackFailed")
                    .errorMessage("Callback \"" + r.name + "\" failed").build();
            r.finish(OperationStatus.FAILED, now);
            addEvent(EventType.CALLBACK_FAILED, r, b -> b.callbackFailedDetails(d -> d.error(x -> x.payload(r.error))));
        });
    }

    /** As the official runner does it: the callback is TIMED_OUT with no error object. */
    public void timeoutCallback(String callbackId) {
        scheduler.locked(() -> {
            OpRecord r = openCallback(callbackId);
            r.error = null;
            r.finish(OperationStatus.TIMED_OUT, now);
            addEvent(EventType.CALLBACK_TIMED_OUT, r, b -> b.callbackTimedOutDetails(d -> { }));
        });
    }

    private OpRecord openInvoke(String name) {
        requireName(name, "chained invoke");
        OpRecord done = null;
        for (OpRecord r : ops.values()) {
            if (r.type == OperationType.CHAINED_INVOKE && Objects.equals(r.name, name)) {
                if (!r.isTerminal()) {
                    return r;
                }
                done = r;
            }
        }
        if (done != null) {
            throw new IllegalStateException("Chained invoke \"" + name + "\" is already " + done.status
                    + "; it can be completed, failed, timed out or stopped only once.");
        }
        throw new IllegalStateException("No chained invoke named \"" + name + "\" has started in this execution"
                + " (invokes so far: " + namesOf(OperationType.CHAINED_INVOKE) + ").");
    }

    public void completeInvoke(String name, String json) {
        scheduler.locked(() -> {
            OpRecord r = openInvoke(name);
            requireJson(json, "chained invoke \"" + name + "\"");
            r.result = json;
            r.finish(OperationStatus.SUCCEEDED, now);
            addEvent(EventType.CHAINED_INVOKE_SUCCEEDED, r,
                    b -> b.chainedInvokeSucceededDetails(d -> d.result(x -> x.payload(json))));
        });
    }

    public void endInvoke(String name, OperationStatus how, ErrorObject err) {
        scheduler.locked(() -> {
            OpRecord r = openInvoke(name);
            // A timeout carries no error, as in the official runner; a failure or stop without one gets a default.
            r.error = err != null || how == OperationStatus.TIMED_OUT ? err
                    : ErrorObject.builder().errorType("ChainedInvoke" + how)
                            .errorMessage("Chained invoke \"" + name + "\" of " + r.functionName + " ended " + how).build();
            r.finish(how, now);
            EventType type = how == OperationStatus.FAILED ? EventType.CHAINED_INVOKE_FAILED
                    : how == OperationStatus.TIMED_OUT ? EventType.CHAINED_INVOKE_TIMED_OUT : EventType.CHAINED_INVOKE_STOPPED;
            addEvent(type, r, b -> {
                switch (type) {
                    case CHAINED_INVOKE_FAILED -> b.chainedInvokeFailedDetails(d -> d.error(x -> x.payload(r.error)));
                    case CHAINED_INVOKE_TIMED_OUT -> b.chainedInvokeTimedOutDetails(d -> d.error(x -> x.payload(r.error)));
                    default -> b.chainedInvokeStoppedDetails(d -> d.error(x -> x.payload(r.error)));
                }
            });
        });
    }

    private OpRecord existing(String name) {
        requireName(name, "operation");
        OpRecord r = find(name);
        if (r == null) {
            throw new IllegalStateException("No operation named \"" + name + "\" in this execution (operations: "
                    + ops.values().stream().map(o -> o.name).distinct().collect(Collectors.toList()) + ").");
        }
        return r;
    }

    /** As if the invocation had crashed after the operation's START checkpoint: it is STARTED again. */
    public void resetToStarted(String name) {
        scheduler.locked(() -> {
            OpRecord r = existing(name);
            // Only the status changes, as with the service: a condition poll then resumes from its last state.
            r.status = OperationStatus.STARTED;
            r.end = null;
            r.nextAttemptAt = null;
            reopen();
        });
    }

    /** As if the operation's checkpoints had never reached the service: it is gone from the log. */
    public void loseCheckpoint(String name) {
        scheduler.locked(() -> {
            forget(existing(name));
            reopen();
        });
    }

    private void reopen() {
        if (status != ExecutionStatus.PENDING) {
            status = ExecutionStatus.PENDING;
            resultPayload = null;
            error = null;
        }
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The " + what + " name must not be null or blank.");
        }
    }

    // ------------------------------------------------------------------ accessors for the runner

    public ExecutionStatus status() {
        return status;
    }

    public String resultPayload() {
        return resultPayload;
    }

    public ErrorObject error() {
        return error;
    }

    public List<OpRecord> records() {
        return scheduler.locked(() -> new ArrayList<>(ops.values()));
    }

    public List<Event> events() {
        return scheduler.locked(() -> List.copyOf(events));
    }

    public Instant now() {
        return now;
    }

    public String arn() {
        return arn;
    }

    public boolean isStrict() {
        return strict;
    }

    public boolean lastInvocationSuspendedForStrictReplay() {
        return strictSuspended;
    }

    /** Lets a finished execution be invoked again: it replays from the checkpoint log, as the official runner does. */
    public void reopenForReplay() {
        reopen();
    }

    public int invocationCount() {
        return invocations.size();
    }

    public ExecutionTrace trace() {
        return new ExecutionTrace(invocations);
    }

    public DurableConfig config() {
        return config;
    }
}
