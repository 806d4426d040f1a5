package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The invoked function did not finish in time. */
public class InvokeTimedOutException extends InvokeException {
    public InvokeTimedOutException(Operation operation) {
        super(operation, OperationErrors.withDetail(
                "Chained invoke " + OperationErrors.nameOf(operation) + " timed out", OperationErrors.errorOf(operation)));
    }
}
