package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** The submitter step of {@code waitForCallback} failed, so the callback id never reached the external system. */
public class CallbackSubmitterException extends CallbackException {
    public CallbackSubmitterException(Operation operation, StepException cause) {
        // As in the official SDK, the message is the submitter step's own (StepFailedException) message.
        super(operation, cause != null ? cause.getMessage() : null, cause);
    }
}
