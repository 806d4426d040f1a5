package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The invoked function failed. The message is the invoked function's error message. */
public class InvokeFailedException extends InvokeException {
    public InvokeFailedException(Operation operation) {
        super(operation);
    }
}
