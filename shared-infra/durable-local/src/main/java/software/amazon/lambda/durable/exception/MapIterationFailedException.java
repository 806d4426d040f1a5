package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** One item of a {@code map} failed. The message is the message of that item's error. */
public class MapIterationFailedException extends DurableOperationException {
    public MapIterationFailedException(Operation operation) {
        super(operation, OperationErrors.errorOf(operation),
                OperationErrors.failedWith("Map iteration", OperationErrors.errorOf(operation)));
    }
}
