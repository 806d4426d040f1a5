package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;

/**
 * An at-most-once step had started but its result was never saved (the invocation ended mid-step). The step is
 * not run again for that attempt.
 */
public class StepInterruptedException extends StepException {
    public StepInterruptedException(Operation operation) {
        super(operation, OperationErrors.errorObject(StepInterruptedException.class,
                        interruptedMessage(operation)),
                interruptedMessage(operation));
    }

    /** @return true when the error is the record of an interrupted step */
    public static boolean isStepInterruptedException(ErrorObject errorObject) {
        if (errorObject == null || errorObject.errorType() == null) {
            return false;
        }
        String type = errorObject.errorType();
        return type.equals(StepInterruptedException.class.getName())
                || type.equals(StepInterruptedException.class.getSimpleName());
    }

    private static String interruptedMessage(Operation operation) {
        return "Step " + OperationErrors.nameOf(operation)
                + " was interrupted before its result was saved; with at-most-once semantics it is not run again";
    }
}
