package durable.workshop.local.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;

/**
 * An execution's checkpoint log as plain values (strings, numbers, booleans, maps), so that a local endpoint can
 * write it to disk and a later process can load it into a new {@link LocalExecution} and resume: what the service
 * keeps between invocations.
 */
public final class CheckpointLog {

    private CheckpointLog() {
    }

    /** Every operation of the execution, in the order they started, plus the execution's clock. */
    public static Map<String, Object> export(LocalExecution execution) {
        List<Map<String, Object>> ops = new ArrayList<>();
        for (OpRecord r : execution.ops.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id);
            m.put("parentId", r.parentId);
            m.put("name", r.name);
            m.put("type", r.type.toString());
            m.put("subType", r.subType);
            m.put("status", r.status == null ? null : r.status.toString());
            m.put("attempt", r.attempt);
            m.put("result", r.result);
            if (r.error != null) {
                m.put("errorType", r.error.errorType());
                m.put("errorMessage", r.error.errorMessage());
                m.put("errorData", r.error.errorData());
                m.put("stackTrace", r.error.stackTrace());
            }
            m.put("start", text(r.start));
            m.put("end", text(r.end));
            m.put("nextAttemptAt", text(r.nextAttemptAt));
            m.put("waitEnd", text(r.waitEnd));
            m.put("callbackId", r.callbackId);
            m.put("callbackDeadline", text(r.callbackDeadline));
            m.put("replayChildren", r.replayChildren);
            m.put("functionName", r.functionName);
            m.put("payload", r.payload);
            ops.add(m);
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("now", text(execution.now));
        log.put("operations", ops);
        return log;
    }

    /** Loads a log written by {@link #export} into a fresh execution (one that has not been invoked yet). */
    @SuppressWarnings("unchecked")
    public static void restore(LocalExecution execution, Map<String, Object> log) {
        execution.ops.clear();
        for (Map<String, Object> m : (List<Map<String, Object>>) log.get("operations")) {
            OpRecord r = new OpRecord((String) m.get("id"), (String) m.get("parentId"), (String) m.get("name"),
                    OperationType.fromValue((String) m.get("type")), (String) m.get("subType"),
                    instant(m.get("start")));
            r.status = m.get("status") == null ? null : OperationStatus.fromValue((String) m.get("status"));
            r.attempt = ((Number) m.getOrDefault("attempt", 0)).intValue();
            r.result = (String) m.get("result");
            if (m.get("errorType") != null || m.get("errorMessage") != null) {
                r.error = ErrorObject.builder()
                        .errorType((String) m.get("errorType"))
                        .errorMessage((String) m.get("errorMessage"))
                        .errorData((String) m.get("errorData"))
                        .stackTrace((List<String>) m.get("stackTrace"))
                        .build();
            }
            r.end = instant(m.get("end"));
            r.nextAttemptAt = instant(m.get("nextAttemptAt"));
            r.waitEnd = instant(m.get("waitEnd"));
            r.callbackId = (String) m.get("callbackId");
            r.callbackDeadline = instant(m.get("callbackDeadline"));
            r.replayChildren = Boolean.TRUE.equals(m.get("replayChildren"));
            r.functionName = (String) m.get("functionName");
            r.payload = (String) m.get("payload");
            execution.ops.put(r.id, r);
        }
        execution.advanceTo(instant(log.get("now")));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }
}
