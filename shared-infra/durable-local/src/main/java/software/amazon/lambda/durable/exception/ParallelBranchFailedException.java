package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** One branch of a {@code parallel} failed. The message is the message of that branch's error. */
public class ParallelBranchFailedException extends DurableOperationException {
    public ParallelBranchFailedException(Operation operation) {
        super(operation, OperationErrors.errorOf(operation),
                OperationErrors.failedWith("Parallel branch", OperationErrors.errorOf(operation)));
    }
}
