package software.amazon.lambda.durable.exception;

/** Base of the SDK's exceptions. */
public class DurableExecutionException extends RuntimeException {
    /** @param stackTrace the stack trace to report instead of this exception's own, e.g. one from a checkpoint */
    public DurableExecutionException(String message, Throwable cause, StackTraceElement[] stackTrace) {
        super(message, cause);
        if (stackTrace != null) {
            setStackTrace(stackTrace);
        }
    }

    public DurableExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public DurableExecutionException(String message) {
        super(message);
    }
}
