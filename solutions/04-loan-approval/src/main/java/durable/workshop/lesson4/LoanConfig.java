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
 * @param approvalTimeout    how long the manager has to decide; shorter than the execution timeout
 * @param bureauOutages      simulated bureaus that are down (demo only; empty in normal use)
 */
public record LoanConfig(String progressTable, String fraudCheckFunction, Duration approvalTimeout,
                         Set<String> bureauOutages) {

    public static final String PROGRESS_TABLE = "PROGRESS_TABLE";
    public static final String FRAUD_CHECK_FUNCTION = "FRAUD_CHECK_FUNCTION";
    public static final String APPROVAL_TIMEOUT_HOURS = "APPROVAL_TIMEOUT_HOURS";
    public static final String BUREAU_OUTAGES = "BUREAU_OUTAGES";
    /** Fraud checks take seconds; a minute without a heartbeat means the checker is gone. */
    public static final Duration FRAUD_CHECK_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration FRAUD_CHECK_HEARTBEAT = Duration.ofMinutes(1);

    public static LoanConfig fromEnvironment(Map<String, String> env) {
        String table = required(env, PROGRESS_TABLE, "the name of the progress table");
        String fraud = required(env, FRAUD_CHECK_FUNCTION, "the fraud-check function's alias ARN (ending in :live)");
        if (!Aliases.isQualified(fraud)) {
            throw new IllegalStateException(FRAUD_CHECK_FUNCTION + " is '" + fraud + "', which has no version or"
                    + " alias; set it to the fraud-check function's alias ARN (ending in :live)");
        }
        String hours = env.getOrDefault(APPROVAL_TIMEOUT_HOURS, "72").strip();
        if (!hours.matches("[1-9][0-9]{0,3}")) {
            throw new IllegalStateException(APPROVAL_TIMEOUT_HOURS + " is '" + hours + "'; give whole hours, 1 to 9999");
        }
        Set<String> outages = Arrays.stream(env.getOrDefault(BUREAU_OUTAGES, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new LoanConfig(table, fraud, Duration.ofHours(Integer.parseInt(hours)), outages);
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
