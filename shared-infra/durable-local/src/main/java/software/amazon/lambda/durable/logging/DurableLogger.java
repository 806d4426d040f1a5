package software.amazon.lambda.durable.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.StepContext;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.model.SafeCloseable;

/**
 * An slf4j logger that knows about replay: while the current durable context is replaying, lines are dropped
 * (unless the configuration's {@link LoggerConfig#suppressReplayLogs()} is off), so each line appears once per
 * execution rather than once per invocation. {@link #attachContext()} puts the execution's identity in the MDC.
 */
public class DurableLogger {
    public static final DurableLogger INSTANCE = new DurableLogger(LoggerFactory.getLogger(DurableLogger.class));

    /** MDC keys, current names first, then the older names of {@link LoggerConfig#oldKeyNames()}. */
    private static final String[] NEW_KEYS = {"durableExecutionArn", "durableRequestId", "durableContextId",
        "durableContextName", "durableOperationId", "durableOperationName", "durableAttempt"};
    private static final String[] OLD_KEYS = {"durableExecutionArn", "requestId", "contextId", "contextName",
        "operationId", "operationName", "attempt"};
    private static final int ARN = 0;
    private static final int REQUEST_ID = 1;
    private static final int CONTEXT_ID = 2;
    private static final int CONTEXT_NAME = 3;
    private static final int OPERATION_ID = 4;
    private static final int OPERATION_NAME = 5;
    private static final int ATTEMPT = 6;

    private final Logger logger;

    public DurableLogger(Logger logger) {
        if (logger == null) {
            throw new IllegalArgumentException("DurableLogger: the slf4j Logger must not be null");
        }
        this.logger = logger;
    }

    /**
     * Puts the current durable context's execution ARN, context id and name into the MDC.
     *
     * @return closing it removes them again
     */
    public static SafeCloseable attachContext() {
        BaseContext context = BaseContext.getCurrentContext();
        if (context == null) {
            return () -> { };
        }
        boolean old = context.getDurableConfig() != null
                && context.getDurableConfig().getLoggerConfig() != null
                && context.getDurableConfig().getLoggerConfig().oldKeyNames();
        String[] keys = old ? OLD_KEYS : NEW_KEYS;
        putIfPresent(keys[ARN], context.getExecutionArn());
        if (context.getLambdaContext() != null) {
            putIfPresent(keys[REQUEST_ID], context.getLambdaContext().getAwsRequestId());
        }
        if (context instanceof StepContext) {
            // In a step the context id and name are the step's operation id and name.
            putIfPresent(keys[OPERATION_ID], context.getContextId());
            putIfPresent(keys[OPERATION_NAME], context.getContextName());
            putIfPresent(keys[ATTEMPT], String.valueOf(((StepContext) context).getAttempt()));
        } else {
            putIfPresent(keys[CONTEXT_ID], context.getContextId());
            putIfPresent(keys[CONTEXT_NAME], context.getContextName());
        }
        return DurableLogger::detachContext;
    }

    /** Removes what {@link #attachContext()} put into the MDC. */
    public static void detachContext() {
        for (String key : NEW_KEYS) {
            MDC.remove(key);
        }
        for (String key : OLD_KEYS) {
            MDC.remove(key);
        }
    }

    public void trace(String format, Object... args) {
        if (shouldLog()) {
            logger.trace(format, args);
        }
    }

    public void debug(String format, Object... args) {
        if (shouldLog()) {
            logger.debug(format, args);
        }
    }

    public void info(String format, Object... args) {
        if (shouldLog()) {
            logger.info(format, args);
        }
    }

    public void warn(String format, Object... args) {
        if (shouldLog()) {
            logger.warn(format, args);
        }
    }

    public void error(String format, Object... args) {
        if (shouldLog()) {
            logger.error(format, args);
        }
    }

    public void error(String message, Throwable error) {
        if (shouldLog()) {
            logger.error(message, error);
        }
    }

    /** False while the durable context of this thread replays and the configuration suppresses replay logs. */
    boolean shouldLog() {
        BaseContext context = BaseContext.getCurrentContext();
        if (!(context instanceof DurableContext) || !((DurableContext) context).isReplaying()) {
            return true;
        }
        LoggerConfig config = context.getDurableConfig() != null ? context.getDurableConfig().getLoggerConfig() : null;
        return config != null && !config.suppressReplayLogs();
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
