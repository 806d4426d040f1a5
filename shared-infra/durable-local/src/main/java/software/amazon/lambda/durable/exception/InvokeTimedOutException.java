package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The invoked function did not finish in time. */
public class InvokeTimedOutException extends InvokeException {
    public InvokeTimedOutException(Operation operation) {
        // As in the official SDK: no message, and an error object without type or data when the service sent none.
        super(operation, OperationErrors.errorOrEmpty(operation), OperationErrors.errorOf(operation) == null ? null
                : OperationErrors.errorOf(operation).errorMessage());
    }
}
