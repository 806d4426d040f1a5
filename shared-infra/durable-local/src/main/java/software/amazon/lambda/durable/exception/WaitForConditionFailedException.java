package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** {@code waitForCondition} gave up: its wait strategy ran out of attempts, or a check threw. */
public class WaitForConditionFailedException extends DurableOperationException {
    public WaitForConditionFailedException(String message) {
        super(null, OperationErrors.errorObject(WaitForConditionFailedException.class, message), message);
    }

    public WaitForConditionFailedException(Operation operation) {
        super(operation, OperationErrors.errorOf(operation), OperationErrors.messageOr(
                OperationErrors.errorOf(operation),
                "waitForCondition " + OperationErrors.nameOf(operation) + " failed"));
    }
}
