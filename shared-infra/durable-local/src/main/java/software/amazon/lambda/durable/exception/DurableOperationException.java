package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;
import software.amazon.awssdk.services.lambda.model.OperationStatus;

/** A durable operation ended in failure; carries the checkpointed operation and its error. */
public class DurableOperationException extends DurableExecutionException {
    private final transient Operation operation;
    private final transient ErrorObject errorObject;

    /** The message is the error's own message (or says which operation failed when it has none). */
    public DurableOperationException(Operation operation, ErrorObject errorObject) {
        this(operation, errorObject,
                OperationErrors.messageOr(errorObject, "Operation " + OperationErrors.nameOf(operation) + " failed"));
    }

    public DurableOperationException(Operation operation, ErrorObject errorObject, String message) {
        this(operation, errorObject, message, null, null);
    }

    public DurableOperationException(Operation operation, ErrorObject errorObject, String message, Throwable cause) {
        this(operation, errorObject, message, null, cause);
    }

    public DurableOperationException(Operation operation, ErrorObject errorObject, String message,
            StackTraceElement[] stackTrace, Throwable cause) {
        super(message, cause, stackTrace);
        this.operation = operation;
        this.errorObject = errorObject;
    }

    public ErrorObject getErrorObject() {
        return errorObject;
    }

    public Operation getOperation() {
        return operation;
    }

    /** @return the operation's status, or {@code null} when there is no operation */
    public OperationStatus getOperationStatus() {
        return operation != null ? operation.status() : null;
    }

    /** @return the operation's id, or {@code null} when there is no operation */
    public String getOperationId() {
        return operation != null ? operation.id() : null;
    }
}
