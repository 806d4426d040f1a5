package durable.workshop.lesson1;

import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import durable.workshop.testkit.ExecutionAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/** Assertions that always say how an execution ended, so a failing test shows the execution's own error. */
final class Outcomes {

    private Outcomes() {
    }

    /** "FAILED with java.lang.IllegalStateException: ..." or just the status. */
    static String describe(TestResult<?> result) {
        return result.getStatus() + result.getError()
                .map(error -> say(" with ", "、エラー ") + error.errorType() + ": " + error.errorMessage())
                .orElse("");
    }

    static void assertPending(TestResult<?> result) {
        assertThat(result.getStatus())
                .as(say("status of the execution, which ended %s", "実行のステータス（実際の終わり方: %s）"),
                        describe(result))
                .isEqualTo(ExecutionStatus.PENDING);
    }

    /** The operation with this name in the execution's history; fails clearly when there is none. */
    static TestOperation operation(TestResult<?> result, String name) {
        TestOperation operation = result.getOperation(name);
        assertThat(operation)
                .as(say("operation '%s' in the history %s of the execution, which ended %s",
                        "操作 '%s' が実行の履歴 %s にあるはず（実行の終わり方: %s）"), name,
                        result.getOperations().stream().map(TestOperation::getName).toList(), describe(result))
                .isNotNull();
        return operation;
    }

    /** Asserts the execution failed and returns its error as "type: message". */
    static String failureText(TestResult<?> result) {
        ExecutionAssertions.assertFailed(result);
        return result.getError()
                .map(error -> error.errorType() + ": " + error.errorMessage())
                .orElse(say("(the execution recorded no error)", "（実行にエラーが記録されていません）"));
    }

    /**
     * What the code throws (null if nothing). An unfinished exercise's {@code UnsupportedOperationException}
     * is passed on as it is, so the test reports the exercise's TODO.
     */
    static Throwable thrownBy(ThrowingCallable code) {
        Throwable thrown = catchThrowable(code);
        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        return thrown;
    }
}
