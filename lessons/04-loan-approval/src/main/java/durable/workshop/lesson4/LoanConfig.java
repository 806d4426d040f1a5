package durable.workshop.lesson4;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workflow's settings. The CDK app sets these environment variables when it deploys a version, so they are
 * the same for every replay of an execution on that version: reading them once, when Lambda creates the handler,
 * keeps the code deterministic.
 *
 * @param fraudCheckFunction the fraud-check function's alias ARN (qualified: an execution keeps the code it started with)
 * @param approvalTimeout    how long the manager has to decide (the stage's callbackTimeouts.manager-approval)
 * @param fraudCheckTimeout  how long the fraud check may take to answer (the stage's callbackTimeouts.fraud-check)
 * @param bureauOutages      simulated bureaus that are down (demo only; empty in normal use)
 */
public record LoanConfig(String progressTable, String fraudCheckFunction, Duration approvalTimeout,
                         Duration fraudCheckTimeout, Set<String> bureauOutages) {

    public static final String PROGRESS_TABLE = "PROGRESS_TABLE";
    public static final String FRAUD_CHECK_FUNCTION = "FRAUD_CHECK_FUNCTION";
    public static final String APPROVAL_TIMEOUT_SECONDS = "APPROVAL_TIMEOUT_SECONDS";
    public static final String FRAUD_CHECK_TIMEOUT_SECONDS = "FRAUD_CHECK_TIMEOUT_SECONDS";
    public static final String BUREAU_OUTAGES = "BUREAU_OUTAGES";
    /** A fraud check sends a heartbeat while it works; a minute without one means the checker is gone. */
    public static final Duration FRAUD_CHECK_HEARTBEAT = Duration.ofMinutes(1);
    /** The service's longest execution: no callback can wait longer. */
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    public static LoanConfig fromEnvironment(Map<String, String> env) {
        String table = required(env, PROGRESS_TABLE, "the name of the progress table");
        String fraud = required(env, FRAUD_CHECK_FUNCTION, "the fraud-check function's alias ARN (ending in :live)");
        if (!Aliases.isQualified(fraud)) {
            throw new IllegalStateException(FRAUD_CHECK_FUNCTION + " is '" + fraud + "', which has no version or"
                    + " alias; set it to the fraud-check function's alias ARN (ending in :live)");
        }
        Duration approval = seconds(env, APPROVAL_TIMEOUT_SECONDS, "the manager approval's timeout");
        Duration fraudCheck = seconds(env, FRAUD_CHECK_TIMEOUT_SECONDS, "the fraud check's timeout");
        Set<String> outages = Arrays.stream(env.getOrDefault(BUREAU_OUTAGES, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new LoanConfig(table, fraud, approval, fraudCheck, outages);
    }

    /** A timeout for people to read: "30 minutes", "3 days", "90 seconds". */
    public static String describe(Duration timeout) {
        long seconds = timeout.toSeconds();
        if (seconds % 86400 == 0) {
            return plural(seconds / 86400, "day");
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static Duration seconds(Map<String, String> env, String name, String what) {
        String value = required(env, name, what + " in whole seconds");
        long seconds = value.matches("[0-9]{1,9}") ? Long.parseLong(value) : 0;
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalStateException(name + " is '" + value + "'; it must hold " + what
                    + " in whole seconds, 1 to " + MAX_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }

    static String required(Map<String, String> env, String name, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; it must hold " + what
                    + " (the lesson's CDK app sets it)");
        }
        return value.strip();
    }
}
