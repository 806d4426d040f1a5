package durable.workshop.testkit;

import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Assertions on a durable execution's {@link TestResult} whose failure messages carry the execution's status
 * and error (type and message), so the reason an execution went wrong is visible in the test report.
 */
public final class ExecutionAssertions {

    private ExecutionAssertions() {
    }

    /** Asserts the execution succeeded and returns the result for further checks. */
    public static <O> TestResult<O> assertSucceeded(TestResult<O> result) {
        return assertStatus(result, ExecutionStatus.SUCCEEDED);
    }

    /** Asserts the execution is still pending (suspended in a wait, a callback or a retry). */
    public static <O> TestResult<O> assertPending(TestResult<O> result) {
        return assertStatus(result, ExecutionStatus.PENDING);
    }

    /** Asserts the execution failed and returns its error. */
    public static ErrorObject assertFailed(TestResult<?> result) {
        assertStatus(result, ExecutionStatus.FAILED);
        return result.getError().orElseThrow(() -> new AssertionError(LearnerLanguage.say("The durable execution FAILED but reports no error",
                "durable 実行は FAILED ですが、エラーが報告されていません")));
    }

    /** Asserts the execution failed with an error whose type or message contains {@code expected}. */
    public static ErrorObject assertFailed(TestResult<?> result, String expected) {
        ErrorObject error = assertFailed(result);
        String text = String.valueOf(error.errorType()) + ": " + error.errorMessage();
        if (!text.contains(expected)) {
            throw new AssertionError(LearnerLanguage.say(
                    "Expected the durable execution to fail with \"" + expected + "\", but it failed with " + describe(result),
                    "durable 実行は \"" + expected + "\" で失敗するはずですが、実際は " + describe(result)));
        }
        return error;
    }

    /** Asserts the execution ended in {@code expected}. */
    public static <O> TestResult<O> assertStatus(TestResult<O> result, ExecutionStatus expected) {
        if (result == null) {
            throw new AssertionError(LearnerLanguage.say("Expected a durable execution result, got null",
                    "durable 実行の結果があるはずですが、null でした"));
        }
        if (result.getStatus() != expected) {
            throw new AssertionError(LearnerLanguage.say(
                    "Expected the durable execution to be " + expected + ", but it is " + describe(result),
                    "durable 実行は " + expected + " のはずですが、実際は " + describe(result)));
        }
        return result;
    }

    /** The status and, when there is one, the error: {@code FAILED (UnsupportedOperationException: TODO 1.1: ...)}. */
    public static String describe(TestResult<?> result) {
        StringBuilder text = new StringBuilder(String.valueOf(result.getStatus()));
        result.getError().ifPresent(error -> text.append(" (")
                .append(error.errorType() == null ? "error" : error.errorType())
                .append(": ")
                .append(error.errorMessage())
                .append(')'));
        return text.toString();
    }
}
