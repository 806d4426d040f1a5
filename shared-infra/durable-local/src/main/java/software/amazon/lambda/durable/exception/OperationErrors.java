package software.amazon.lambda.durable.exception;

import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;

/** Reads the error out of a checkpointed operation and words the messages of this package. */
final class OperationErrors {
    private OperationErrors() {
    }

    /** The error recorded in whichever details the operation carries. */
    static ErrorObject errorOf(Operation operation) {
        if (operation == null) {
            return null;
        }
        if (operation.stepDetails() != null && operation.stepDetails().error() != null) {
            return operation.stepDetails().error();
        }
        if (operation.callbackDetails() != null && operation.callbackDetails().error() != null) {
            return operation.callbackDetails().error();
        }
        if (operation.chainedInvokeDetails() != null && operation.chainedInvokeDetails().error() != null) {
            return operation.chainedInvokeDetails().error();
        }
        if (operation.contextDetails() != null && operation.contextDetails().error() != null) {
            return operation.contextDetails().error();
        }
        return null;
    }

    /** "'name'" for messages; the id when the operation has no name. */
    static String nameOf(Operation operation) {
        if (operation == null) {
            return "(unknown)";
        }
        String name = operation.name() != null ? operation.name() : operation.id();
        return "'" + name + "'";
    }

    /** The error's own message when it has one, else the fallback. */
    static String messageOr(ErrorObject error, String fallback) {
        if (error != null && error.errorMessage() != null && !error.errorMessage().isBlank()) {
            return error.errorMessage();
        }
        return fallback;
    }

    /** The fallback, followed by the error's message when there is one. */
    static String withDetail(String message, ErrorObject error) {
        if (error != null && error.errorMessage() != null && !error.errorMessage().isBlank()) {
            return message + ": " + error.errorMessage();
        }
        return message;
    }

    /**
     * The message the official SDK gives an operation's exception when the original cannot be rebuilt:
     * "{@code <kind> failed with error of type <type>. Message: <message>}".
     */
    static String failedWith(String kind, ErrorObject error) {
        return kind + " failed with error of type " + (error == null ? null : error.errorType()) + ". Message: "
                + (error == null ? null : error.errorMessage());
    }

    /** The error of a timed-out invoke: the official SDK gives an empty one when the operation has none. */
    static ErrorObject errorOrEmpty(Operation operation) {
        ErrorObject error = errorOf(operation);
        return error != null ? error : ErrorObject.builder().build();
    }

    static ErrorObject errorObject(Class<?> type, String message) {
        return ErrorObject.builder().errorType(type.getName()).errorMessage(message).build();
    }
}
