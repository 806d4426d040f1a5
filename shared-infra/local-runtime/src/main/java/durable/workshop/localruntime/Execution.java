package durable.workshop.localruntime;

import durable.workshop.local.engine.LocalExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One durable execution as the service keeps it: its identity, status, result and history, and its checkpoints. */
final class Execution {
    final String arn;
    final String name;
    final String functionName;
    final String qualifier;
    final String input;
    final Instant started;

    String status = "RUNNING";
    String result;
    Map<String, Object> error;
    Instant ended;
    final List<Map<String, Object>> history = new ArrayList<>();
    int invocations;

    /** The engine holding the checkpoint log; null once the execution has ended. */
    transient LocalExecution engine;
    /** How many of the engine's events have been turned into history already. */
    transient int seenEngineEvents;
    transient ScheduledFuture<?> wakeUp;
    /** Why the next invocation happens, for the trace. */
    transient String resumeReason = "started";
    /** How many invocations run or wait to run (two can be queued at once); read without the lock. */
    final transient AtomicInteger invoking = new AtomicInteger();

    Execution(String arn, String name, String functionName, String qualifier, String input, Instant started) {
        this.arn = arn;
        this.name = name;
        this.functionName = functionName;
        this.qualifier = qualifier;
        this.input = input;
        this.started = started;
    }

    boolean isRunning() {
        return "RUNNING".equals(status);
    }

    String functionArn() {
        return "arn:aws:lambda:" + StackDefinition.REGION + ":" + StackDefinition.ACCOUNT + ":function:" + functionName
                + ":" + qualifier;
    }

    /** Appends one history event with the next EventId. */
    Map<String, Object> addEvent(String type, Instant at, Map<String, Object> fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("EventType", type);
        fields.forEach((k, v) -> {
            if (v != null && !k.equals("EventType") && !k.equals("EventId") && !k.equals("EventTimestamp")) {
                e.put(k, v);
            }
        });
        e.put("EventId", history.size() + 1);
        e.put("EventTimestamp", SdkJson.epochSeconds(at));
        // EventType, SubType, EventId, Id, Name, ParentId, EventTimestamp, details: the service's order
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String k : List.of("EventType", "SubType", "EventId", "Id", "Name", "ParentId", "EventTimestamp")) {
            if (e.containsKey(k)) {
                ordered.put(k, e.get(k));
            }
        }
        e.forEach(ordered::putIfAbsent);
        history.add(ordered);
        return ordered;
    }

    /** The GetDurableExecution / ListDurableExecutionsByFunction shape. */
    Map<String, Object> summary(boolean withData) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DurableExecutionArn", arn);
        m.put("DurableExecutionName", name);
        m.put("FunctionArn", functionArn());
        m.put("Status", status);
        m.put("StartTimestamp", SdkJson.epochSeconds(started));
        if (ended != null) {
            m.put("EndTimestamp", SdkJson.epochSeconds(ended));
        }
        if (withData) {
            m.put("InputPayload", input);
            if (result != null) {
                m.put("Result", result);
            }
            if (error != null) {
                m.put("Error", error);
            }
            m.put("Version", qualifier);
        }
        return m;
    }
}
