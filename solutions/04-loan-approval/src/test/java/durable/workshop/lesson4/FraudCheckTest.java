package durable.workshop.lesson4;

import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 4.5: the submitter of the fraud-check callback starts the external check with the callback id; the
 * check's answer (or failure) ends the wait.
 */
@Tag("exercise:4.5")
class FraudCheckTest {

    private final RecordingFraudChecks fraudChecks = new RecordingFraudChecks();
    private final LocalDurableTestRunner<LoanApplication, FraudVerdict> runner;

    FraudCheckTest() {
        LoanWorkflow workflow = new LoanWorkflow(TestConfig.CONFIG, new ProgressTable(null, TestConfig.TABLE),
                new FlakyBureaus(), fraudChecks);
        ValidatedApplication alice = Profiles.validated(Profiles.ALICE);
        runner = LocalDurableTestRunner.create(LoanApplication.class,
                (LoanApplication application, DurableContext context) -> workflow.fraudCheck(alice, context));
    }

    private String fraudCheckStarted() {
        TestResult<FraudVerdict> first = runner.runUntilComplete(Profiles.ALICE);
        assertPending(first, say("the execution should suspend while it waits for the fraud-check callback",
                "fraud-check のコールバックを待つあいだ、実行は中断するはずです"));
        String callbackId = runner.getCallbackId("fraud-check-callback");
        assertThat(callbackId).as(say("waitForCallback(\"fraud-check\", ...) creates fraud-check-callback; history ",
                "waitForCallback(\"fraud-check\", ...) は fraud-check-callback を作るはずです。履歴: ") + history(first))
                .isNotNull();
        return callbackId;
    }

    @Test
    void theSubmitterStartsTheCheckOnceWithTheCallbackId() {
        String callbackId = fraudCheckStarted();

        assertThat(fraudChecks.started).as(say("the submitter calls fraudChecks.start exactly once",
                "サブミッターは fraudChecks.start をちょうど 1 回呼ぶはずです")).hasSize(1);
        FraudCheckRequest request = fraudChecks.started.get(0);
        assertThat(request.callbackId()).as(say("the fraud check gets the callback id it must answer",
                "不正チェックには、答えるべきコールバック ID が渡るはずです")).isEqualTo(callbackId);
        assertThat(request.applicationId()).isEqualTo("alice-001");
        assertThat(request.sinLast4()).isEqualTo("1111");
        assertThat(request.amount()).isEqualByComparingTo("150000");
    }

    @Test
    void theChecksAnswerEndsTheWait() {
        runner.completeCallback(fraudCheckStarted(), "{\"cleared\":true,\"riskScore\":10,\"reason\":\"ok\"}");

        TestResult<FraudVerdict> result = runner.runUntilComplete(Profiles.ALICE);

        assertSucceeded(result, say("the fraud check answered, so the wait should end", "不正チェックが答えたので、待機は終わるはずです"));
        assertThat(result.getResult(FraudVerdict.class).cleared()).isTrue();
        assertThat(fraudChecks.started).as(say("replays do not start the check again", "リプレイでチェックをもう一度始めないはずです"))
                .hasSize(1);
    }

    @Test
    void aFailedCheckFailsTheApplication() {
        runner.failCallback(fraudCheckStarted(), ErrorObject.builder().errorType("InvalidFraudCheckRequest")
                .errorMessage("sinLast4: not 4 digits").build());

        ErrorObject error = assertFailedWith(runner.runUntilComplete(Profiles.ALICE), LoanFailedException.class,
                say("a failed fraud check (CallbackFailedException) becomes a LoanFailedException",
                        "失敗した不正チェック（CallbackFailedException）は LoanFailedException になるはずです"));

        assertThat(error.errorMessage()).contains("alice-001").contains("fraud check");
    }

    @Test
    void aCheckThatNeverAnswersFailsTheApplication() {
        runner.timeoutCallback(fraudCheckStarted());

        assertFailedWith(runner.runUntilComplete(Profiles.ALICE), LoanFailedException.class,
                say("a fraud check that timed out (CallbackTimeoutException) becomes a LoanFailedException",
                        "タイムアウトした不正チェック（CallbackTimeoutException）は LoanFailedException になるはずです"));
    }
}
