package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** A child context's function threw. The message is the message of that error. */
public class ChildContextFailedException extends DurableOperationException {
    public ChildContextFailedException(Operation operation) {
        super(operation, OperationErrors.errorOf(operation),
                OperationErrors.failedWith("Child context", OperationErrors.errorOf(operation)));
    }
}
