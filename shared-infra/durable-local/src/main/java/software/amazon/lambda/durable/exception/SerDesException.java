package software.amazon.lambda.durable.exception;

/** A value could not be turned into its checkpoint form or back. */
public class SerDesException extends DurableExecutionException {
    public SerDesException(String message, Throwable cause) {
        super(message, cause);
    }

    public SerDesException(String message) {
        super(message);
    }
}
