package durable.workshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.serde.JacksonSerDes;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

class ExecutionExpectationsTest {

    private static final ErrorObject TODO = ErrorObject.builder()
            .errorType("java.lang.UnsupportedOperationException").errorMessage("TODO 2.1: validate the order").build();

    private String language;

    @BeforeEach
    void english() {
        language = System.getProperty(LearnerLanguage.PROPERTY);
        System.setProperty(LearnerLanguage.PROPERTY, "en");
    }

    @AfterEach
    void restoreLanguage() {
        if (language == null) {
            System.clearProperty(LearnerLanguage.PROPERTY);
        } else {
            System.setProperty(LearnerLanguage.PROPERTY, language);
        }
    }

    private static TestOperation operation(String name, OperationType type, OperationStatus status) {
        Operation operation = Operation.builder().id(name).name(name).type(type).status(status).build();
        return new TestOperation(operation, new JacksonSerDes());
    }

    private static TestResult<String> result(ExecutionStatus status, ErrorObject error, TestOperation... operations) {
        List<TestOperation> all = new ArrayList<>();
        all.add(operation("execution", OperationType.EXECUTION, OperationStatus.STARTED));
        all.addAll(List.of(operations));
        return new TestResult<>(status, null, error, all, List.of(), TypeToken.get(String.class), new JacksonSerDes());
    }

    @Test
    void aFailureSaysWhatWasExpectedThenTheStatusErrorAndHistory() {
        TestResult<String> failed = result(ExecutionStatus.FAILED, TODO,
                operation("validate-order", OperationType.STEP, OperationStatus.FAILED));

        assertThatThrownBy(() -> ExecutionExpectations.assertSucceeded(failed, "the order should be accepted"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the order should be accepted, but the execution is FAILED with error "
                        + "java.lang.UnsupportedOperationException: TODO 2.1: validate the order; "
                        + "operations: [validate-order STEP FAILED]");
    }

    @Test
    void theJapaneseMessageKeepsTheErrorAsReported() {
        System.setProperty(LearnerLanguage.PROPERTY, "ja");
        TestResult<String> failed = result(ExecutionStatus.FAILED, TODO);

        assertThatThrownBy(() -> ExecutionExpectations.assertPending(failed, "待機するはずです"))
                .hasMessage("待機するはずです。しかし実際には、実行のステータスは FAILED、エラーは "
                        + "java.lang.UnsupportedOperationException: TODO 2.1: validate the order です。操作の履歴: []");
    }

    @Test
    void assertPendingAndSucceededPassOnTheirStatus() {
        ExecutionExpectations.assertPending(result(ExecutionStatus.PENDING, null), "pending");
        ExecutionExpectations.assertSucceeded(result(ExecutionStatus.SUCCEEDED, null), "succeeded");

        assertThatThrownBy(() -> ExecutionExpectations.assertPending(result(ExecutionStatus.SUCCEEDED, null), "wait"))
                .hasMessage("wait, but the execution is SUCCEEDED; operations: []");
    }

    @Test
    void assertFailedWithAcceptsTheFullOrSimpleTypeNameOnly() {
        assertThat(ExecutionExpectations.assertFailedWith(result(ExecutionStatus.FAILED, TODO),
                UnsupportedOperationException.class, "unsupported")).isSameAs(TODO);
        ErrorObject simple = ErrorObject.builder().errorType("IllegalArgumentException").errorMessage("bad").build();
        assertThat(ExecutionExpectations.assertFailedWith(result(ExecutionStatus.FAILED, simple),
                IllegalArgumentException.class, "rejected")).isSameAs(simple);

        assertThatThrownBy(() -> ExecutionExpectations.assertFailedWith(result(ExecutionStatus.FAILED, TODO),
                IllegalArgumentException.class, "the order should be rejected"))
                .hasMessageStartingWith("the order should be rejected (error type IllegalArgumentException), but ")
                .hasMessageContaining("TODO 2.1");
        assertThatThrownBy(() -> ExecutionExpectations.assertFailedWith(result(ExecutionStatus.SUCCEEDED, null),
                IllegalArgumentException.class, "rejected"))
                .hasMessageContaining("SUCCEEDED");
    }

    @Test
    void operationsLeaveOutTheExecutionAndKeepTheirOrder() {
        TestResult<String> done = result(ExecutionStatus.SUCCEEDED, null,
                operation("validate-order", OperationType.STEP, OperationStatus.SUCCEEDED),
                operation("wait-for-payment", OperationType.CALLBACK, OperationStatus.SUCCEEDED));

        assertThat(ExecutionExpectations.names(done)).containsExactly("validate-order", "wait-for-payment");
        assertThat(ExecutionExpectations.history(done))
                .isEqualTo("[validate-order STEP SUCCEEDED, wait-for-payment CALLBACK SUCCEEDED]");
    }
}
