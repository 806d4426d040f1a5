package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeStartedDetails;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Assertions on a durable execution. Every failure message says what the test expected and then how the
 * execution actually ended, error included, so an unfinished exercise shows its own TODO.
 */
final class Executions {

    private Executions() {
    }

    static void assertSucceeded(TestResult<?> result, String expectation) {
        if (result.getStatus() != ExecutionStatus.SUCCEEDED) {
            fail(expectation + ", but " + describe(result));
        }
    }

    static void assertPending(TestResult<?> result, String expectation) {
        if (result.getStatus() != ExecutionStatus.PENDING) {
            fail(expectation + ", but " + describe(result));
        }
    }

    /** The execution failed with exactly this error type; returns its error. */
    static ErrorObject assertFailedWith(TestResult<?> result, Class<? extends Throwable> type, String expectation) {
        ErrorObject error = result.getError().orElse(null);
        if (result.getStatus() != ExecutionStatus.FAILED || error == null || !isType(error, type)) {
            fail(expectation + " (error type " + type.getSimpleName() + "), but " + describe(result));
        }
        return error;
    }

    /** The operations of the execution, in the order they started, without the execution itself. */
    static List<TestOperation> operations(TestResult<?> result) {
        return result.getOperations().stream().filter(op -> op.getType() != OperationType.EXECUTION).toList();
    }

    static List<String> names(TestResult<?> result) {
        return operations(result).stream().map(TestOperation::getName).toList();
    }

    /** "validate-order STEP SUCCEEDED, ..." for messages. */
    static String history(TestResult<?> result) {
        return operations(result).stream()
                .map(op -> op.getName() + " " + op.getType() + " " + op.getStatus())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String describe(TestResult<?> result) {
        StringBuilder text = new StringBuilder("the execution is ").append(result.getStatus());
        result.getError().ifPresent(e -> text.append(" with error ").append(e.errorType()).append(": ")
                .append(e.errorMessage()));
        return text.append("; operations: ").append(history(result)).toString();
    }

    /** What the orchestrator asked for when it started the chained invoke with this name: target and payload. */
    static ChainedInvokeStartedDetails invokeStarted(TestResult<?> result, String name) {
        TestOperation operation = result.getOperation(name);
        if (operation == null) {
            fail("expected an operation named " + name + ", but " + describe(result));
        }
        if (operation.getType() != OperationType.CHAINED_INVOKE) {
            fail(name + " should be a chained invoke (context.invoke), but it is a " + operation.getType());
        }
        for (Event event : result.getEventsForOperation(name)) {
            if (event.chainedInvokeStartedDetails() != null) {
                return event.chainedInvokeStartedDetails();
            }
        }
        return fail("the history of " + name + " has no CHAINED_INVOKE_STARTED event: " + result.getEventsForOperation(name));
    }

    /** The JSON payload the orchestrator sent with the chained invoke of this name. */
    static JsonNode payload(TestResult<?> result, String name) {
        String payload = invokeStarted(result, name).input().payload();
        try {
            return WorkerJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            return fail("the payload of " + name + " is not JSON: " + payload);
        }
    }

    private static boolean isType(ErrorObject error, Class<? extends Throwable> type) {
        String actual = error.errorType();
        return type.getName().equals(actual) || type.getSimpleName().equals(actual);
    }
}
