package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.Operation;

/** Nobody completed the callback within its timeout (or heartbeat timeout). */
public class CallbackTimeoutException extends CallbackException {
    public CallbackTimeoutException(Operation operation) {
        super(operation, OperationErrors.withDetail(
                "Callback " + OperationErrors.nameOf(operation) + callbackIdPart(operation)
                        + " timed out before it was completed", OperationErrors.errorOf(operation)));
    }

    private static String callbackIdPart(Operation operation) {
        if (operation == null || operation.callbackDetails() == null
                || operation.callbackDetails().callbackId() == null) {
            return "";
        }
        return " (callback id " + operation.callbackDetails().callbackId() + ")";
    }
}
