package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The submitter step of {@code waitForCallback} failed, so the callback id never reached the external system. */
public class CallbackSubmitterException extends CallbackException {
    public CallbackSubmitterException(Operation operation, StepException cause) {
        super(operation, "The submitter of callback " + OperationErrors.nameOf(operation) + " failed"
                + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
    }
}
