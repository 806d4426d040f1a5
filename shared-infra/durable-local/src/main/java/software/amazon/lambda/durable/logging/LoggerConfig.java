package software.amazon.lambda.durable.logging;

/**
 * How {@link DurableLogger} behaves.
 *
 * @param suppressReplayLogs drop log lines written while the handler replays completed operations
 * @param oldKeyNames use the older, shorter MDC key names
 */
public record LoggerConfig(boolean suppressReplayLogs, boolean oldKeyNames) {

    /** Replay logs suppressed, current key names. */
    public static LoggerConfig defaults() {
        return new LoggerConfig(true, false);
    }

    /** Every log line, replays included. */
    public static LoggerConfig withReplayLogging() {
        return new LoggerConfig(false, false);
    }
}
