package durable.workshop.testkit;

import static durable.workshop.testkit.LearnerLanguage.say;

import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Assertions on a durable execution for graded tests. Every failure message says what the test expected and
 * then how the execution actually ended, error and operation history included, so an unfinished exercise
 * shows its own TODO. Messages are in the learner's language; the execution's error is appended as it is in
 * both. {@link ExecutionAssertions} is the shorter form whose messages carry only status and error.
 */
public final class ExecutionExpectations {

    private ExecutionExpectations() {
    }

    /** The execution succeeded; otherwise fails with {@code expectation} and how it really ended. */
    public static void assertSucceeded(TestResult<?> result, String expectation) {
        if (result.getStatus() != ExecutionStatus.SUCCEEDED) {
            throw new AssertionError(butActually(expectation, result));
        }
    }

    /** The execution is suspended (in a wait, a callback or a retry). */
    public static void assertPending(TestResult<?> result, String expectation) {
        if (result.getStatus() != ExecutionStatus.PENDING) {
            throw new AssertionError(butActually(expectation, result));
        }
    }

    /** The execution failed with exactly this error type (full or simple class name); returns its error. */
    public static ErrorObject assertFailedWith(TestResult<?> result, Class<? extends Throwable> type,
            String expectation) {
        ErrorObject error = result.getError().orElse(null);
        if (result.getStatus() != ExecutionStatus.FAILED || error == null || !isType(error, type)) {
            String name = type.getSimpleName();
            throw new AssertionError(butActually(
                    expectation + say(" (error type " + name + ")", "（エラーの型は " + name + "）"), result));
        }
        return error;
    }

    /** The operations of the execution, in the order they started, without the execution itself. */
    public static List<TestOperation> operations(TestResult<?> result) {
        return result.getOperations().stream().filter(op -> op.getType() != OperationType.EXECUTION).toList();
    }

    /** The names of {@link #operations}, in order. */
    public static List<String> names(TestResult<?> result) {
        return operations(result).stream().map(TestOperation::getName).toList();
    }

    /** {@code [validate-order STEP SUCCEEDED, ...]} for messages. */
    public static String history(TestResult<?> result) {
        return operations(result).stream()
                .map(op -> op.getName() + " " + op.getType() + " " + op.getStatus())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** What the test expected, then how the execution really ended. */
    public static String butActually(String expectation, TestResult<?> result) {
        return expectation + say(", but ", "。しかし実際には、") + describe(result);
    }

    /** The status, the error when there is one, and the operation history. */
    public static String describe(TestResult<?> result) {
        // The error type and message stay as the execution reported them: they carry the skeleton's TODO.
        String status = String.valueOf(result.getStatus());
        String error = result.getError().map(e -> e.errorType() + ": " + e.errorMessage()).orElse(null);
        String history = history(result);
        if (error == null) {
            return say("the execution is " + status + "; operations: " + history,
                    "実行のステータスは " + status + " です。操作の履歴: " + history);
        }
        return say("the execution is " + status + " with error " + error + "; operations: " + history,
                "実行のステータスは " + status + "、エラーは " + error + " です。操作の履歴: " + history);
    }

    private static boolean isType(ErrorObject error, Class<? extends Throwable> type) {
        String actual = error.errorType();
        return type.getName().equals(actual) || type.getSimpleName().equals(actual);
    }
}
