package durable.workshop.localruntime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import durable.workshop.local.ExecutionTrace;
import durable.workshop.local.engine.CheckpointLog;
import durable.workshop.local.engine.LocalExecution;
import durable.workshop.local.engine.LocalLambdaContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.Operation;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.model.ExecutionStatus;

/**
 * The Lambda service as the course needs it, in one process: the lesson's functions, durable executions run on
 * durable-local's engine in real (or scaled) time, callbacks, chained invokes, the service's execution history,
 * and every execution written to disk after each change so that a restart resumes it.
 */
final class LambdaService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> ENGINE_OWN_EVENTS = Set.of(
            "ExecutionStarted", "InvocationCompleted", "ExecutionSucceeded", "ExecutionFailed");

    private final Map<String, FunctionHost> functions = new LinkedHashMap<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final Path stateDir;
    private final VirtualClock clock;
    private final Consumer<String> log;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "timers"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> thread(r, "invocations"));
    /** Chained invokes already sent to their function, by "execution arn#operation id". */
    private final Set<String> dispatched = new HashSet<>();
    private volatile boolean closed;

    LambdaService(List<FunctionHost> hosts, Path stateDir, double timeScale, Consumer<String> log) {
        hosts.forEach(h -> functions.put(h.definition.name(), h));
        this.stateDir = stateDir;
        this.log = log;
        List<Execution> saved = load(stateDir);
        Instant latest = saved.stream().flatMap(e -> Stream.of(e.started, e.ended)).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        this.clock = new VirtualClock(timeScale, latest);
        saved.forEach(e -> executions.put(e.arn, e));
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, "local-lambda-" + name);
        t.setDaemon(true);
        return t;
    }

    /** Resumes every execution that was running when the runtime last stopped. */
    void resumeSaved() {
        List<Execution> running;
        synchronized (executions) {
            running = executions.values().stream().filter(Execution::isRunning).toList();
        }
        for (Execution e : running) {
            log.accept(Text.say("resumed after restart: " + e.name + " (" + e.functionName + ")",
                    "再起動後に再開: " + e.name + "（" + e.functionName + "）"));
            dispatchChainedInvokes(e);
            scheduleNext(e);
        }
    }

    VirtualClock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ functions

    FunctionHost function(FunctionRef ref) {
        FunctionHost host = functions.get(ref.name());
        if (host == null) {
            throw ApiException.notFound("Function not found: " + functionArn(ref));
        }
        String q = ref.qualifier();
        if (q != null && !q.equals("$LATEST") && !host.definition.aliases().contains(q) && !q.matches("\\d+")) {
            throw ApiException.notFound("Function not found: " + functionArn(ref));
        }
        return host;
    }

    List<FunctionHost> functions() {
        return List.copyOf(functions.values());
    }

    private static String functionArn(FunctionRef ref) {
        return "arn:aws:lambda:" + StackDefinition.REGION + ":" + StackDefinition.ACCOUNT + ":function:" + ref.name()
                + (ref.qualifier() == null ? "" : ":" + ref.qualifier());
    }

    /** The result of a plain function's invocation: a JSON payload, and whether it is the function's error. */
    record PlainResult(String payload, boolean failed) {
    }

    PlainResult invokePlain(FunctionHost host, String payload) {
        String requestId = UUID.randomUUID().toString();
        log.accept(Text.say("invoke " + host.definition.name(), "呼び出し " + host.definition.name()));
        try {
            return new PlainResult(host.invoke(payload, new LocalLambdaContext(requestId)), false);
        } catch (Exception | LinkageError e) {
            log.accept("  " + Text.say("failed: ", "失敗: ") + e.getClass().getSimpleName() + ": " + e.getMessage());
            return new PlainResult(errorJson(e), true);
        }
    }

    private static String errorJson(Throwable e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorMessage", e.getMessage());
        m.put("errorType", e.getClass().getName());
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
    }

    // ------------------------------------------------------------------ starting executions

    /** Starts a durable execution, or returns the one that already has this name (same input only). */
    Execution start(FunctionRef ref, String executionName, String payload) {
        FunctionHost host = function(ref);
        if (ref.qualifier() == null) {
            throw ApiException.badParameter("You cannot invoke a durable function using an unqualified ARN. "
                    + "Use a qualified ARN (a version or an alias, for example " + functionArn(ref) + ":"
                    + (host.definition.aliases().isEmpty() ? "1" : host.definition.aliases().get(0)) + ").");
        }
        String input = payload == null || payload.isEmpty() ? "{}" : payload;
        String name = executionName != null ? executionName : UUID.randomUUID().toString();
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw ApiException.badParameter("DurableExecutionName '" + name + "' must be 1 to 64 letters, digits, "
                    + "hyphens or underscores.");
        }
        Execution e;
        synchronized (executions) {
            for (Execution existing : executions.values()) {
                if (existing.functionName.equals(ref.name()) && existing.qualifier.equals(ref.qualifier())
                        && existing.name.equals(name)) {
                    if (existing.input.equals(input)) {
                        return existing;
                    }
                    throw new ApiException(409, "DurableExecutionAlreadyStartedException", "A durable execution "
                            + "named " + name + " already exists for " + existing.functionArn()
                            + " with a different input payload.");
                }
            }
            String arn = functionArn(ref) + "/durable-execution/" + name + "/" + UUID.randomUUID();
            e = new Execution(arn, name, ref.name(), ref.qualifier(), input, clock.now());
            e.engine = newEngine(host, e);
            executions.put(arn, e);
        }
        synchronized (e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("Input", Map.of("Payload", input));
            e.addEvent("ExecutionStarted", e.started, Map.of("Id", e.arn.substring(e.arn.lastIndexOf('/') + 1),
                    "Name", name, "ExecutionStartedDetails", details));
            save(e);
        }
        log.accept(Text.say("execution started: " + name + " on " + e.functionArn(),
                "実行を開始: " + name + "（" + e.functionArn() + "）"));
        submit(e, Instant.MIN);
        return e;
    }

    private LocalExecution newEngine(FunctionHost host, Execution e) {
        LocalExecution engine = new LocalExecution(host.durableHandler().getConfiguration(), e.input, false, e.arn);
        engine.enforceCallbackTimeouts(true);
        e.seenEngineEvents = 0;
        return engine;
    }

    // ------------------------------------------------------------------ invocations

    private void submit(Execution e, Instant due) {
        if (!closed) {
            workers.submit(() -> {
                try {
                    invokeOnce(e, due);
                } catch (RuntimeException | LinkageError x) {
                    // The engine itself failed (not the handler, whose errors end the execution as FAILED).
                    log.accept(Text.say("invocation of " + e.name + " failed in the runtime: " + x,
                            "実行 " + e.name + " の呼び出しが実行環境の中で失敗しました: " + x));
                    synchronized (e) {
                        if (e.isRunning()) {
                            e.error = new LinkedHashMap<>(Map.of("ErrorType", x.getClass().getName(),
                                    "ErrorMessage", String.valueOf(x.getMessage())));
                            end(e, "FAILED", "ExecutionFailed", Map.of("ExecutionFailedDetails",
                                    Map.of("Error", Map.of("Payload", e.error))));
                            save(e);
                        }
                    }
                }
            });
        }
    }

    private void invokeOnce(Execution e, Instant due) {
        // Counted before taking the lock: a callback that arrives meanwhile is deferred, never waits for the
        // invocation (whose step may be waiting for the very request that sends it).
        e.invoking.incrementAndGet();
        try {
            invokeLocked(e, due);
        } finally {
            e.invoking.decrementAndGet();
            // After the count, so a callback deferred until now is applied here or by its sender (see defer).
            applyDeferredCallbacks(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void invokeLocked(Execution e, Instant due) {
        synchronized (e) {
            if (!e.isRunning() || closed) {
                return;
            }
            FunctionHost host = functions.get(e.functionName);
            DurableHandler handler = host.durableHandler();
            Instant now = clock.now();
            e.engine.advanceTo(due.isAfter(now) ? due : now);
            e.invocations++;
            Instant invocationStart = e.engine.now();
            String requestId = UUID.randomUUID().toString();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(handler.getClass().getClassLoader());
            ExecutionStatus status;
            try {
                status = e.engine.invoke((input, ctx) -> handler.handleRequest(input, (DurableContext) ctx),
                        TypeToken.get(inputClass(handler)), new LocalLambdaContext(requestId));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            takeEngineEvents(e);
            addPollEvents(e);
            Instant end = e.engine.now();
            e.addEvent("InvocationCompleted", end, Map.of("InvocationCompletedDetails", Map.of(
                    "StartTimestamp", SdkJson.epochSeconds(invocationStart),
                    "EndTimestamp", SdkJson.epochSeconds(end), "RequestId", requestId)));
            printInvocation(e);
            if (status == ExecutionStatus.SUCCEEDED) {
                e.result = e.engine.resultPayload();
                end(e, "SUCCEEDED", "ExecutionSucceeded",
                        Map.of("ExecutionSucceededDetails", e.result == null ? Map.of() : Map.of("Result", Map.of("Payload", e.result))));
            } else if (status == ExecutionStatus.FAILED) {
                ErrorObject err = e.engine.error();
                e.error = errorMap(err);
                end(e, "FAILED", "ExecutionFailed", Map.of("ExecutionFailedDetails", Map.of("Error", Map.of("Payload", e.error))));
            } else {
                dispatchChainedInvokes(e);
                scheduleNext(e);
            }
            save(e);
        }
    }

    private static Class<?> inputClass(DurableHandler<?, ?> handler) {
        java.lang.reflect.Type t = durable.workshop.local.engine.Types.typeArgument(handler.getClass(), DurableHandler.class, 0);
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof java.lang.reflect.ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private void end(Execution e, String status, String eventType, Map<String, Object> details) {
        e.status = status;
        e.ended = e.engine == null ? clock.now() : e.engine.now();
        e.addEvent(eventType, e.ended, details);
        e.engine = null;
        if (e.wakeUp != null) {
            e.wakeUp.cancel(false);
        }
        log.accept(Text.say("execution " + e.name + " ended: " + status, "実行 " + e.name + " が終了: " + status)
                + (e.error != null ? " (" + e.error.get("ErrorType") + ": " + e.error.get("ErrorMessage") + ")" : ""));
        e.notifyAll();
    }

    static Map<String, Object> errorMap(ErrorObject err) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (err != null) {
            m.put("ErrorType", err.errorType());
            m.put("ErrorMessage", err.errorMessage());
            if (err.errorData() != null) {
                m.put("ErrorData", err.errorData());
            }
        }
        return m;
    }

    /** Turns the engine's new operation events into the service's history events (with our EventId sequence). */
    @SuppressWarnings("unchecked")
    private void takeEngineEvents(Execution e) {
        List<Event> events = e.engine.events();
        for (Event ev : events.subList(Math.min(e.seenEngineEvents, events.size()), events.size())) {
            Map<String, Object> m = (Map<String, Object>) SdkJson.toJson(ev);
            if ("StepFailed".equals(m.get("EventType")) && m.get("StepFailedDetails") instanceof Map<?, ?> d
                    && !d.containsKey("RetryDetails")) {
                // The service names the attempt of a step's final failure too (service-history-spec, step 1.12).
                Integer attempt = attemptOf(e, ev.id());
                if (attempt != null) {
                    ((Map<String, Object>) d).put("RetryDetails", Map.of("CurrentAttempt", attempt));
                }
            }
            if (!ENGINE_OWN_EVENTS.contains(String.valueOf(m.get("EventType")))) {
                e.addEvent(String.valueOf(m.get("EventType")), ev.eventTimestamp(), m);
            }
        }
        e.seenEngineEvents = events.size();
    }

    private static Integer attemptOf(Execution e, String operationId) {
        for (var r : e.engine.records()) {
            Operation op = r.toOperation();
            if (op.id().equals(operationId) && op.stepDetails() != null) {
                return op.stepDetails().attempt();
            }
        }
        return null;
    }

    /**
     * The service checkpoints a condition poll that asks for another as StepSucceeded with the state and the delay
     * (service-history-spec, wait_for_condition); where the engine's events leave a poll open, the operation's
     * PENDING state says that is what happened.
     */
    private static void addPollEvents(Execution e) {
        for (var r : e.engine.records()) {
            Operation op = r.toOperation();
            if (op.type() != OperationType.STEP || op.status() != OperationStatus.PENDING
                    || !"WaitForCondition".equals(op.subType()) || op.stepDetails() == null) {
                continue;
            }
            Map<String, Object> last = null;
            for (Map<String, Object> h : e.history) {
                if (op.id().equals(h.get("Id"))) {
                    last = h;
                }
            }
            if (last == null || !"StepStarted".equals(last.get("EventType"))) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            if (op.stepDetails().result() != null) {
                details.put("Result", Map.of("Payload", op.stepDetails().result()));
            }
            Instant next = op.stepDetails().nextAttemptTimestamp();
            Map<String, Object> retry = new LinkedHashMap<>();
            retry.put("CurrentAttempt", op.stepDetails().attempt());
            if (next != null) {
                retry.put("NextAttemptDelaySeconds", Duration.between(e.engine.now(), next).getSeconds());
            }
            details.put("RetryDetails", retry);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("SubType", op.subType());
            fields.put("Id", op.id());
            fields.put("Name", op.name());
            fields.put("ParentId", op.parentId());
            fields.put("StepSucceededDetails", details);
            e.addEvent("StepSucceeded", e.engine.now(), fields);
        }
    }

    private void printInvocation(Execution e) {
        List<ExecutionTrace.Invocation> all = e.engine.trace().invocations();
        if (all.isEmpty()) {
            return;
        }
        ExecutionTrace.Invocation last = all.get(all.size() - 1);
        StringBuilder out = new StringBuilder(Text.say("[" + e.name + "] invocation " + e.invocations + " (" + e.resumeReason + ")",
                "[" + e.name + "] 呼び出し " + e.invocations + "（" + e.resumeReason + "）"));
        for (ExecutionTrace.Entry entry : last.entries()) {
            out.append("\n  ").append("  ".repeat(entry.depth())).append(entry.action())
                    .append(entry.kind() == null ? "" : " " + entry.kind())
                    .append(entry.name() == null ? "" : " \"" + entry.name() + "\"")
                    .append(entry.detail() == null || entry.detail().isEmpty() ? "" : " " + entry.detail());
        }
        out.append("\n  -> ").append(last.outcome());
        log.accept(out.toString());
    }

    /** Wakes the execution when its earliest wait, retry, poll or callback timeout is due. */
    private void scheduleNext(Execution e) {
        Instant next = null;
        String why = null;
        for (var r : e.engine.records()) {
            Operation op = r.toOperation();
            Instant t = null;
            String reason = null;
            if (op.type() == OperationType.WAIT && op.status() == OperationStatus.STARTED && op.waitDetails() != null) {
                t = op.waitDetails().scheduledEndTimestamp();
                reason = Text.say("wait \"" + op.name() + "\" ended", "wait \"" + op.name() + "\" が終了");
            } else if (op.type() == OperationType.STEP && op.status() == OperationStatus.PENDING && op.stepDetails() != null) {
                t = op.stepDetails().nextAttemptTimestamp();
                reason = "WaitForCondition".equals(op.subType())
                        ? Text.say("next poll of \"" + op.name() + "\" due", "\"" + op.name() + "\" の次のポーリング")
                        : Text.say("retry of step \"" + op.name() + "\" due", "ステップ \"" + op.name() + "\" の再試行");
            }
            if (t != null && (next == null || t.isBefore(next))) {
                next = t;
                why = reason;
            }
        }
        if (next == null) {
            next = e.engine.nextTimer(true);
            why = Text.say("a callback timed out", "コールバックがタイムアウト");
        }
        if (e.wakeUp != null) {
            e.wakeUp.cancel(false);
        }
        if (next != null && !closed) {
            Instant due = next;
            e.resumeReason = why;
            e.wakeUp = timers.schedule(() -> submit(e, due), clock.realDelayUntil(due).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------ chained invokes

    @SuppressWarnings("unchecked")
    private void dispatchChainedInvokes(Execution e) {
        for (var r : e.engine.records()) {
            Operation op = r.toOperation();
            if (op.type() != OperationType.CHAINED_INVOKE || op.status() != OperationStatus.STARTED
                    || !dispatched.add(e.arn + "#" + op.id())) {
                continue;
            }
            Map<String, Object> details = e.history.stream()
                    .filter(h -> "ChainedInvokeStarted".equals(h.get("EventType")) && op.id().equals(h.get("Id")))
                    .map(h -> (Map<String, Object>) h.get("ChainedInvokeStartedDetails"))
                    .findFirst().orElse(Map.of());
            String target = String.valueOf(details.get("FunctionName"));
            Object input = details.get("Input") instanceof Map<?, ?> in ? in.get("Payload") : null;
            String payload = input == null ? null : String.valueOf(input);
            workers.submit(() -> runChainedInvoke(e, op.name(), target, payload));
        }
    }

    private void runChainedInvoke(Execution e, String opName, String target, String payload) {
        ErrorObject error = null;
        String result = null;
        try {
            FunctionRef ref = FunctionRef.parse(target);
            FunctionHost host = function(ref);
            if (host.isDurable()) {
                Execution child = start(ref, null, payload);
                awaitEnd(child, Duration.ofDays(1));
                if ("SUCCEEDED".equals(child.status)) {
                    result = child.result;
                } else {
                    error = ErrorObject.builder().errorType(String.valueOf(child.error == null ? child.status
                            : child.error.get("ErrorType"))).errorMessage(child.error == null ? null
                            : String.valueOf(child.error.get("ErrorMessage"))).build();
                }
            } else {
                PlainResult r = invokePlain(host, payload);
                if (r.failed()) {
                    Map<?, ?> m = JSON.readValue(r.payload(), Map.class);
                    error = ErrorObject.builder().errorType(String.valueOf(m.get("errorType")))
                            .errorMessage(String.valueOf(m.get("errorMessage"))).build();
                } else {
                    result = r.payload();
                }
            }
        } catch (ApiException | IOException x) {
            error = ErrorObject.builder().errorType(x instanceof ApiException a ? a.type : "ServiceException")
                    .errorMessage(x.getMessage()).build();
        }
        synchronized (e) {
            if (!e.isRunning()) {
                return;
            }
            if (error == null) {
                e.engine.completeInvoke(opName, result);
            } else {
                e.engine.endInvoke(opName, OperationStatus.FAILED, error);
            }
            takeEngineEvents(e);
            e.resumeReason = Text.say("invoke \"" + opName + "\" ended", "invoke \"" + opName + "\" が終了");
            save(e);
        }
        submit(e, Instant.MIN);
    }

    // ------------------------------------------------------------------ callbacks

    private Execution withCallback(String callbackId) {
        if (callbackId == null || callbackId.isBlank()) {
            throw ApiException.badParameter("CallbackId must not be empty.");
        }
        List<Execution> all;
        synchronized (executions) {
            all = new ArrayList<>(executions.values());
        }
        boolean busy = false;
        for (Execution e : all) {
            if (e.invoking.get() > 0) {
                busy = true;
                continue;
            }
            synchronized (e) {
                if (e.isRunning()) {
                    for (var r : e.engine.records()) {
                        Operation op = r.toOperation();
                        if (op.callbackDetails() != null && callbackId.equals(op.callbackDetails().callbackId())) {
                            if (op.status() != OperationStatus.STARTED) {
                                throw closedCallback();
                            }
                            return e;
                        }
                    }
                }
                boolean seen = e.history.stream().anyMatch(h -> h.get("CallbackStartedDetails") instanceof Map<?, ?> d
                        && callbackId.equals(d.get("CallbackId")));
                if (seen) {
                    throw closedCallback();
                }
            }
        }
        if (busy) {
            return null; // perhaps created by an invocation still running: applied when it ends
        }
        throw ApiException.notFound("No callback with id " + callbackId + " exists.");
    }

    /** A callback that arrived while executions were in an invocation. */
    private record DeferredCallback(String callbackId, String result, ErrorObject error, long arrivedNanos) {
        DeferredCallback(String callbackId, String result, ErrorObject error) {
            this(callbackId, result, error, System.nanoTime());
        }
    }

    private final List<DeferredCallback> deferred = new ArrayList<>();

    /**
     * Keeps a callback for an execution that is in an invocation. Every invocation applies the deferred callbacks
     * after it has stopped counting itself; if the invocation stopped before this callback was added, it is not
     * counted any more when the check below runs, and the callback is applied here. Either way it is never lost.
     */
    private void defer(DeferredCallback d) {
        synchronized (deferred) {
            deferred.add(d);
        }
        List<Execution> all;
        synchronized (executions) {
            all = new ArrayList<>(executions.values());
        }
        for (Execution e : all) {
            if (e.invoking.get() == 0) {
                applyDeferredCallbacks(e);
            }
        }
    }

    /** The deferred callbacks that are this execution's, applied while no invocation of it runs. */
    private void applyDeferredCallbacks(Execution e) {
        synchronized (e) {
            if (e.isRunning() && e.engine != null) {
                applyDeferredCallbacksLocked(e);
            }
        }
    }

    private void applyDeferredCallbacksLocked(Execution e) {
        List<DeferredCallback> mine = new ArrayList<>();
        synchronized (deferred) {
            for (var it = deferred.iterator(); it.hasNext(); ) {
                DeferredCallback d = it.next();
                boolean ours = e.engine.records().stream().map(r -> r.toOperation().callbackDetails())
                        .anyMatch(c -> c != null && d.callbackId().equals(c.callbackId()));
                if (ours) {
                    mine.add(d);
                    it.remove();
                } else if (System.nanoTime() - d.arrivedNanos() > TimeUnit.MINUTES.toNanos(1)) {
                    // No invocation that was running when it arrived had created it.
                    log.accept(Text.say("dropped callback " + d.callbackId() + ": no execution has it",
                            "コールバック " + d.callbackId() + " を破棄: どの実行にもありません"));
                    it.remove();
                }
            }
        }
        for (DeferredCallback d : mine) {
            try {
                if (d.error() == null) {
                    e.engine.completeCallback(d.callbackId(), d.result());
                } else {
                    e.engine.failCallback(d.callbackId(), d.error());
                }
                resumeAfterCallback(e, d.error() == null ? "succeeded" : "failed");
            } catch (RuntimeException x) {
                log.accept(Text.say("callback " + d.callbackId() + " not applied: " + x.getMessage(),
                        "コールバック " + d.callbackId() + " を適用できません: " + x.getMessage()));
            }
        }
    }

    private static ApiException closedCallback() {
        return new ApiException(400, "CallbackTimeoutException",
                "The callback ID token has either expired or the callback associated with the token has already been closed.");
    }

    void completeCallback(String callbackId, String result) {
        String json = result == null || result.isEmpty() ? "null" : result;
        Execution e = withCallback(callbackId);
        if (e == null) {
            defer(new DeferredCallback(callbackId, json, null));
            return;
        }
        synchronized (e) {
            if (!e.isRunning()) {
                throw closedCallback();
            }
            try {
                e.engine.completeCallback(callbackId, json);
            } catch (IllegalArgumentException x) {
                throw ApiException.badParameter(x.getMessage());
            }
            resumeAfterCallback(e, "succeeded");
        }
    }

    void failCallback(String callbackId, ErrorObject error) {
        Execution e = withCallback(callbackId);
        if (e == null) {
            defer(new DeferredCallback(callbackId, null, error));
            return;
        }
        synchronized (e) {
            if (!e.isRunning()) {
                throw closedCallback();
            }
            e.engine.failCallback(callbackId, error);
            resumeAfterCallback(e, "failed");
        }
    }

    /** A heartbeat keeps a callback alive; callbacks here time out only at their configured timeout. */
    void heartbeat(String callbackId) {
        withCallback(callbackId);
    }

    private void resumeAfterCallback(Execution e, String how) {
        takeEngineEvents(e);
        e.resumeReason = Text.say("callback " + how, "コールバック " + how);
        save(e);
        submit(e, Instant.MIN);
    }

    // ------------------------------------------------------------------ reads and stop

    Execution execution(String arn) {
        synchronized (executions) {
            Execution e = executions.get(arn);
            if (e == null) {
                throw ApiException.notFound("Durable execution not found: " + arn);
            }
            return e;
        }
    }

    List<Execution> executionsOf(String functionName) {
        synchronized (executions) {
            return executions.values().stream().filter(e -> e.functionName.equals(functionName)).toList();
        }
    }

    Instant stop(String arn, Map<String, Object> error) {
        Execution e = execution(arn);
        synchronized (e) {
            if (!e.isRunning()) {
                throw new ApiException(409, "ResourceConflictException", "Durable execution " + e.name
                        + " is not running; it is " + e.status + ".");
            }
            if (e.engine != null) {
                takeEngineEvents(e);
            }
            e.error = error;
            end(e, "STOPPED", "ExecutionStopped", Map.of("ExecutionStoppedDetails",
                    error == null || error.isEmpty() ? Map.of() : Map.of("Error", Map.of("Payload", error))));
            save(e);
            return e.ended;
        }
    }

    /** Waits (in real time) until the execution ends or the timeout passes. */
    void awaitEnd(Execution e, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (e) {
            while (e.isRunning() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(e, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ persistence

    private void save(Execution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arn", e.arn);
        m.put("name", e.name);
        m.put("functionName", e.functionName);
        m.put("qualifier", e.qualifier);
        m.put("input", e.input);
        m.put("started", e.started.toString());
        m.put("ended", e.ended == null ? null : e.ended.toString());
        m.put("status", e.status);
        m.put("result", e.result);
        m.put("error", e.error);
        m.put("invocations", e.invocations);
        m.put("history", e.history);
        m.put("checkpoints", e.engine == null ? null : CheckpointLog.export(e.engine));
        try {
            Path dir = stateDir.resolve("executions");
            Files.createDirectories(dir);
            Path file = dir.resolve(e.arn.substring(e.arn.lastIndexOf('/') + 1) + ".json");
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), m);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException x) {
            log.accept(Text.say("could not save execution " + e.name + ": " + x.getMessage(),
                    "実行 " + e.name + " を保存できません: " + x.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Execution> load(Path dir) {
        List<Execution> out = new ArrayList<>();
        Path folder = dir.resolve("executions");
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Map<String, Object> m = JSON.readValue(f.toFile(), Map.class);
                Execution e = new Execution((String) m.get("arn"), (String) m.get("name"),
                        (String) m.get("functionName"), (String) m.get("qualifier"), (String) m.get("input"),
                        Instant.parse((String) m.get("started")));
                e.status = (String) m.get("status");
                e.result = (String) m.get("result");
                e.error = (Map<String, Object>) m.get("error");
                e.ended = m.get("ended") == null ? null : Instant.parse((String) m.get("ended"));
                e.invocations = ((Number) m.getOrDefault("invocations", 0)).intValue();
                e.history.addAll((List<Map<String, Object>>) m.get("history"));
                FunctionHost host = functions.get(e.functionName);
                if (e.isRunning()) {
                    if (host == null || !host.isDurable() || m.get("checkpoints") == null) {
                        log.accept(Text.say("skipped saved execution " + e.name + ": its function " + e.functionName
                                + " is not in this lesson", "保存された実行 " + e.name + " をスキップ: 関数 "
                                + e.functionName + " はこのレッスンにありません"));
                        continue;
                    }
                    e.engine = newEngine(host, e);
                    CheckpointLog.restore(e.engine, (Map<String, Object>) m.get("checkpoints"));
                    e.resumeReason = Text.say("resumed after restart", "再起動後の再開");
                    takeEngineEvents(e);
                }
                out.add(e);
            }
        } catch (IOException | RuntimeException x) {
            throw new IllegalStateException("Cannot read the saved executions in " + folder + " (" + x.getMessage()
                    + "); delete that folder to start afresh.", x);
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        timers.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (executions) {
            executions.values().forEach(e -> {
                synchronized (e) {
                    e.notifyAll();
                }
            });
        }
    }
}
