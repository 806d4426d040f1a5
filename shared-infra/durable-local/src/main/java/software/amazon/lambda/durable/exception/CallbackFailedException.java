package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The external system reported failure for the callback. The message is the failure's own message. */
public class CallbackFailedException extends CallbackException {
    public CallbackFailedException(Operation operation) {
        super(operation, OperationErrors.messageOr(OperationErrors.errorOf(operation),
                "Callback " + OperationErrors.nameOf(operation) + " failed"));
    }
}
