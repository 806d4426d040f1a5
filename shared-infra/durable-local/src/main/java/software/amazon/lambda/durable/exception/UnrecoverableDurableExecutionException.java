package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.ErrorObject;

/** The execution cannot go on (for example its code no longer matches its checkpoints); it fails. */
public class UnrecoverableDurableExecutionException extends DurableExecutionException {
    private final transient ErrorObject errorObject;
    private final boolean retryable;

    public UnrecoverableDurableExecutionException(ErrorObject errorObject, boolean retryable) {
        super(OperationErrors.messageOr(errorObject, "The durable execution cannot continue"));
        this.errorObject = errorObject;
        this.retryable = retryable;
    }

    public UnrecoverableDurableExecutionException(ErrorObject errorObject) {
        this(errorObject, false);
    }

    public ErrorObject getErrorObject() {
        return errorObject;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
