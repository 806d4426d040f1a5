package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;

/** A chained invoke ended without a result. */
public class InvokeException extends DurableOperationException {
    public InvokeException(Operation operation) {
        this(operation, OperationErrors.messageOr(OperationErrors.errorOf(operation),
                "Chained invoke " + OperationErrors.nameOf(operation) + " failed"));
    }

    // Lets the subclasses word their own message; not part of the public API.
    InvokeException(Operation operation, String message) {
        super(operation, OperationErrors.errorOf(operation), message);
    }

    InvokeException(Operation operation, ErrorObject error, String message) {
        super(operation, error, message);
    }
}
