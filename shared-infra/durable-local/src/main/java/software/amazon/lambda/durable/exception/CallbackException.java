package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** A callback ended without a result. */
public class CallbackException extends DurableOperationException {
    public CallbackException(Operation operation, String message) {
        super(operation, OperationErrors.errorOf(operation), message);
    }

    public CallbackException(Operation operation, String message, Throwable cause) {
        super(operation, OperationErrors.errorOf(operation), message, cause);
    }

    /** @return the callback's id, or {@code null} when the operation has none */
    public String getCallbackId() {
        Operation operation = getOperation();
        if (operation == null || operation.callbackDetails() == null) {
            return null;
        }
        return operation.callbackDetails().callbackId();
    }
}
