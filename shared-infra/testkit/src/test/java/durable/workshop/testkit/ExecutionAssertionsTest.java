package durable.workshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.serde.JacksonSerDes;
import software.amazon.lambda.durable.testing.TestResult;

class ExecutionAssertionsTest {

    private static TestResult<String> result(ExecutionStatus status, String output, ErrorObject error) {
        return new TestResult<>(status, output, error, List.of(), List.of(), TypeToken.get(String.class), new JacksonSerDes());
    }

    @Test
    void aFailedExecutionShowsItsStatusAndError() {
        TestResult<String> failed = result(ExecutionStatus.FAILED, null, ErrorObject.builder()
                .errorType("java.lang.UnsupportedOperationException").errorMessage("TODO 1.1: read the item").build());

        assertThatThrownBy(() -> ExecutionAssertions.assertSucceeded(failed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SUCCEEDED")
                .hasMessageContaining("FAILED")
                .hasMessageContaining("UnsupportedOperationException")
                .hasMessageContaining("TODO 1.1: read the item");
    }

    @Test
    void assertFailedChecksTheErrorText() {
        TestResult<String> failed = result(ExecutionStatus.FAILED, null, ErrorObject.builder()
                .errorType("IllegalArgumentException").errorMessage("key must not be blank").build());

        assertThat(ExecutionAssertions.assertFailed(failed, "must not be blank").errorType()).isEqualTo("IllegalArgumentException");
        assertThatThrownBy(() -> ExecutionAssertions.assertFailed(failed, "unknown table"))
                .hasMessageContaining("unknown table")
                .hasMessageContaining("key must not be blank");
    }

    @Test
    void aSucceededExecutionIsNotAFailure() {
        TestResult<String> ok = result(ExecutionStatus.SUCCEEDED, "\"done\"", null);

        assertThat(ExecutionAssertions.assertSucceeded(ok)).isSameAs(ok);
        assertThatThrownBy(() -> ExecutionAssertions.assertFailed(ok)).hasMessageContaining("SUCCEEDED");
        assertThatThrownBy(() -> ExecutionAssertions.assertPending(ok)).hasMessageContaining("PENDING");
    }
}
