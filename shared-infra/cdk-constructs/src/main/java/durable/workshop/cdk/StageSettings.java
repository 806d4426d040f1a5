package durable.workshop.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;

/**
 * What one stage ({@code stages.<stage>} in {@code config/config.json}) sets: log level and retention, the
 * {@code DurableConfig} of each durable function, callback timeouts and alarm thresholds. Every error names the
 * file and the full field path, for example {@code stages.prod.durableFunctions.polling.executionTimeout}.
 */
final class StageSettings {

    static final String FILE = "config/config.json";
    /** Lambda's application log levels (LoggingConfig.ApplicationLogLevel). */
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    private static final Set<String> STAGE_FIELDS =
            Set.of("logLevel", "logRetentionDays", "durableFunctions", "callbackTimeouts", "alarms");
    private static final Set<String> DURABLE_FIELDS = Set.of("executionTimeout", "retentionDays");
    private static final Set<String> ALARM_FIELDS =
            Set.of("errors", "throttles", "failedExecutions", "timedOutExecutions", "email");
    /** A whole number and a unit: 30s, 15m, 2h, 7d. */
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})([smhd])");
    /** The service's range for ExecutionTimeout: 1 second to 366 days. */
    static final long MAX_EXECUTION_TIMEOUT_SECONDS = 366L * 24 * 3600;
    /** The service's range for RetentionPeriodInDays. */
    static final int MAX_RETENTION_DAYS = 90;
    /** Loose on purpose: SNS asks the address to confirm, which is the real check. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    final String name;
    final String logLevel;
    final int logRetentionDays;
    final Map<String, DurableSettings> durableFunctions;
    final Map<String, Duration> callbackTimeouts;
    final AlarmSettings alarms;

    private StageSettings(String name, String logLevel, int logRetentionDays,
                          Map<String, DurableSettings> durableFunctions, Map<String, Duration> callbackTimeouts,
                          AlarmSettings alarms) {
        this.name = name;
        this.logLevel = logLevel;
        this.logRetentionDays = logRetentionDays;
        this.durableFunctions = Collections.unmodifiableMap(durableFunctions);
        this.callbackTimeouts = Collections.unmodifiableMap(callbackTimeouts);
        this.alarms = alarms;
    }

    /** Reads {@code stages.<name>}; {@code json} is that object. */
    static StageSettings parse(String name, JsonNode json) {
        String path = "stages." + name;
        requireObject(json, path, "{\"logLevel\": \"INFO\", ...}");
        onlyKnownFields(json, path, STAGE_FIELDS);

        JsonNode level = required(json, path, "logLevel");
        if (!level.isTextual() || !LOG_LEVELS.contains(level.asText())) {
            throw error(path + ".logLevel", "is " + level + "; use one of " + String.join(", ", LOG_LEVELS) + ".");
        }
        int logDays = wholeNumber(required(json, path, "logRetentionDays"), path + ".logRetentionDays");
        if (WorkshopConfig.retentionFor(logDays) == null) {
            throw error(path + ".logRetentionDays", "is " + logDays + "; use one of 1, 3, 5, 7, 14, 30, 60 or 90.");
        }

        Map<String, DurableSettings> durable = new LinkedHashMap<>();
        JsonNode functions = required(json, path, "durableFunctions");
        requireObject(functions, path + ".durableFunctions", "{\"polling\": {\"executionTimeout\": \"1h\", ...}}");
        forEachField(functions, (key, value) -> durable.put(key, durable(value, path + ".durableFunctions." + key)));

        Map<String, Duration> callbacks = new LinkedHashMap<>();
        JsonNode callbackJson = json.get("callbackTimeouts");
        if (callbackJson != null) {
            requireObject(callbackJson, path + ".callbackTimeouts", "{\"approval\": \"24h\"}");
            forEachField(callbackJson, (key, value) -> callbacks.put(key,
                    duration(value, path + ".callbackTimeouts." + key, MAX_EXECUTION_TIMEOUT_SECONDS)));
        }

        return new StageSettings(name, level.asText(), logDays, durable, callbacks,
                alarms(required(json, path, "alarms"), path + ".alarms"));
    }

    private static DurableSettings durable(JsonNode json, String path) {
        requireObject(json, path, "{\"executionTimeout\": \"1h\", \"retentionDays\": 7}");
        onlyKnownFields(json, path, DURABLE_FIELDS);
        Duration timeout = duration(required(json, path, "executionTimeout"), path + ".executionTimeout",
                MAX_EXECUTION_TIMEOUT_SECONDS);
        int days = wholeNumber(required(json, path, "retentionDays"), path + ".retentionDays");
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw error(path + ".retentionDays", "is " + days + "; Lambda keeps an execution's history 1 to "
                    + MAX_RETENTION_DAYS + " days.");
        }
        return new DurableSettings(timeout, Duration.days(days));
    }

    private static AlarmSettings alarms(JsonNode json, String path) {
        requireObject(json, path, "{\"errors\": 1, \"throttles\": 1, ...}");
        onlyKnownFields(json, path, ALARM_FIELDS);
        Optional<String> email = Optional.empty();
        JsonNode emailNode = json.get("email");
        if (emailNode != null && !emailNode.isNull() && !(emailNode.isTextual() && emailNode.asText().isEmpty())) {
            if (!emailNode.isTextual() || !EMAIL.matcher(emailNode.asText()).matches()) {
                throw error(path + ".email", "is " + emailNode + "; give one e-mail address, or \"\" for none.");
            }
            email = Optional.of(emailNode.asText());
        }
        return new AlarmSettings(threshold(json, path, "errors"), threshold(json, path, "throttles"),
                threshold(json, path, "failedExecutions"), threshold(json, path, "timedOutExecutions"), email);
    }

    private static int threshold(JsonNode json, String path, String field) {
        int value = wholeNumber(required(json, path, field), path + "." + field);
        if (value < 1) {
            throw error(path + "." + field, "is " + value + "; an alarm threshold is a count of at least 1.");
        }
        return value;
    }

    /** A duration written as a whole number and a unit (s, m, h or d), within 1 second and {@code maxSeconds}. */
    static Duration duration(JsonNode json, String path, long maxSeconds) {
        Matcher m = json.isTextual() ? DURATION.matcher(json.asText()) : null;
        if (m == null || !m.matches()) {
            throw error(path, "is " + json + "; write a whole number and a unit (s, m, h or d), for example \"2h\".");
        }
        long seconds = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "s" -> 1L;
            case "m" -> 60L;
            case "h" -> 3600L;
            default -> 86400L;
        };
        if (seconds > maxSeconds) {
            throw error(path, "is " + json + "; the longest the service allows is " + (maxSeconds / 86400) + "d.");
        }
        return Duration.seconds(seconds);
    }

    static InfraException error(String path, String problem) {
        return new InfraException(FILE + ": field \"" + path + "\" " + problem);
    }

    static JsonNode required(JsonNode json, String path, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw error(path + "." + field, "is missing.");
        }
        return value;
    }

    static void requireObject(JsonNode json, String path, String example) {
        if (!json.isObject()) {
            throw error(path, "must be a JSON object, for example " + example + ".");
        }
    }

    static int wholeNumber(JsonNode json, String path) {
        if (!json.isInt()) {
            throw error(path, "is " + json + "; it must be a whole number.");
        }
        return json.asInt();
    }

    static void onlyKnownFields(JsonNode json, String path, Set<String> known) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InfraException(FILE + ": unknown field \"" + path + "." + name + "\" (known fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ").");
            }
        }
    }

    static void forEachField(JsonNode json, BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            action.accept(field.getKey(), field.getValue());
        }
    }
}
