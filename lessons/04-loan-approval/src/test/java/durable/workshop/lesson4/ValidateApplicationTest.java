package durable.workshop.lesson4;

import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 4.1: the application is validated inside a step that keeps only the last 4 digits of the SIN. */
@Tag("exercise:4.1")
class ValidateApplicationTest {

    private final LoanWorkflow workflow =
            new LoanWorkflow(TestConfig.CONFIG, new ProgressTable(null, TestConfig.TABLE), new FlakyBureaus(),
                    new RecordingFraudChecks());

    /** An execution that runs only the validation stage. */
    private LocalDurableTestRunner<LoanApplication, ValidatedApplication> validationOnly() {
        return LocalDurableTestRunner.create(LoanApplication.class, workflow::validate);
    }

    @Test
    void validApplicationKeepsOnlyTheLastFourDigitsOfTheSin() {
        TestResult<ValidatedApplication> result = validationOnly().runUntilComplete(Profiles.ALICE);

        assertSucceeded(result, say("Alice's application is valid, so validation should let it through",
                "Alice の申込みは正しいので、検証を通過するはずです"));
        TestOperation step = result.getOperation("validate-application");
        assertThat(step).as(say("a step named validate-application; history ",
                "validate-application という名前のステップがあるはずです。履歴: ") + history(result)).isNotNull();
        assertThat(step.getType()).isEqualTo(OperationType.STEP);
        ValidatedApplication validated = result.getResult(ValidatedApplication.class);
        assertThat(validated.sinLast4()).as(say("the workflow keeps the last 4 digits of the SIN",
                "ワークフローが持つのは SIN の下 4 桁のはずです")).isEqualTo("1111");
        assertThat(validated.applicantName()).isEqualTo("Alice Johnson");
        assertThat(validated.amount()).isEqualByComparingTo("150000");
        assertThat(step.getStepDetails().result())
                .as(say("the checkpoint of validate-application holds no full SIN (only the last 4 digits)",
                        "validate-application のチェックポイントに SIN 全体を残さないはずです（下 4 桁だけ）"))
                .doesNotContain("046-45").doesNotContain("046451").contains("1111");
    }

    @Test
    void invalidApplicationFailsNamingEveryFieldWithoutEchoingTheSin() {
        LoanApplication bad = new LoanApplication("bad-001", " ", "046-451-111", new BigDecimal("5"));

        TestResult<ValidatedApplication> result = validationOnly().runUntilComplete(bad);

        ErrorObject error = assertFailedWith(result, InvalidApplicationException.class,
                say("an application without a name and with an amount of 5 should fail",
                        "氏名がなく金額が 5 の申込みなので、実行は失敗するはずです"));
        assertThat(error.errorMessage()).as(say("the message names the application and every field to fix",
                "エラーメッセージには申込み ID と、直すべきすべてのフィールドが含まれるはずです"))
                .contains("bad-001").contains("applicantName").contains("amount")
                .doesNotContain("046-45");
        assertThat(names(result)).as(say("the check runs in one step; history ", "検証は 1 つのステップで行います。履歴: ")
                + history(result)).containsExactly("validate-application");
        assertThat(result.getOperation("validate-application").getStatus())
                .as(say("validate-application returns its findings (a thrown error would be retried); history ",
                        "validate-application は検査結果を返して成功します（ステップの中で例外を投げるとリトライされてしまいます）。履歴: ")
                        + history(result))
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void missingSinIsReportedByName() {
        LoanApplication noSin = new LoanApplication("nosin-001", "Dana Lee", null, new BigDecimal("20000"));

        ErrorObject error = assertFailedWith(validationOnly().runUntilComplete(noSin),
                InvalidApplicationException.class, say("an application without a SIN should fail",
                        "SIN のない申込みなので、実行は失敗するはずです"));

        assertThat(error.errorMessage()).contains("sin");
    }
}
