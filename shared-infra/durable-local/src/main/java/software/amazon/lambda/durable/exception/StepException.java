package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;

/** A step ended in failure. */
public class StepException extends DurableOperationException {
    public StepException(Operation operation, ErrorObject errorObject, String message) {
        super(operation, errorObject, message);
    }
}
