package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The invoked function's execution was stopped before it finished. */
public class InvokeStoppedException extends InvokeException {
    public InvokeStoppedException(Operation operation) {
        super(operation, OperationErrors.withDetail(
                "Chained invoke " + OperationErrors.nameOf(operation) + " was stopped",
                OperationErrors.errorOf(operation)));
    }
}
