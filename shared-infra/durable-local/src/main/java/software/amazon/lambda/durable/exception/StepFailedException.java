package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** A step failed on its last allowed attempt. The message is the message of the step's own error. */
public class StepFailedException extends StepException {
    public StepFailedException(Operation operation) {
        super(operation, OperationErrors.errorOf(operation),
                OperationErrors.failedWith("Step", OperationErrors.errorOf(operation)));
    }
}
