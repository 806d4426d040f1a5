package durable.workshop.lesson4;

import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 4.2: the three bureaus are asked in parallel, one branch each, each call a step with a retry
 * strategy; at least two must answer.
 */
@Tag("exercise:4.2")
class CreditChecksTest {

    private final FlakyBureaus bureaus = new FlakyBureaus();

    /** An execution that runs only the credit checks, for Alice's validated application. */
    private TestResult<CreditReport> run() {
        LoanWorkflow workflow = new LoanWorkflow(TestConfig.CONFIG, new ProgressTable(null, TestConfig.TABLE),
                bureaus, new RecordingFraudChecks());
        ValidatedApplication alice = Profiles.validated(Profiles.ALICE);
        return LocalDurableTestRunner.create(LoanApplication.class,
                (LoanApplication application, software.amazon.lambda.durable.DurableContext context) ->
                        workflow.checkCredit(alice, context)).runUntilComplete(Profiles.ALICE);
    }

    @Test
    void everyBureauIsAskedInItsOwnBranchOfOneParallel() {
        TestResult<CreditReport> result = run();

        assertSucceeded(result, say("all three bureaus answer, so the credit checks should succeed",
                "3 社すべてが答えるので、信用調査は成功するはずです"));
        TestOperation parallel = result.getOperation("credit-checks");
        assertThat(parallel).as(say("one parallel operation named credit-checks; history ",
                "credit-checks という名前の parallel 操作が 1 つあるはずです。履歴: ") + history(result)).isNotNull();
        assertThat(parallel.getSubtype()).isEqualTo(OperationSubType.PARALLEL.getValue());
        for (String bureau : CreditBureaus.ALL) {
            TestOperation branch = result.getOperation(bureau);
            assertThat(branch).as(say("a branch named " + bureau + "; history ",
                    bureau + " という名前のブランチがあるはずです。履歴: ") + history(result)).isNotNull();
            assertThat(branch.getSubtype()).isEqualTo(OperationSubType.PARALLEL_BRANCH.getValue());
            TestOperation step = result.getOperation(bureau + "-score");
            assertThat(step).as(say("inside the branch, a step named " + bureau + "-score; history ",
                    "ブランチの中に " + bureau + "-score という名前のステップがあるはずです。履歴: ") + history(result))
                    .isNotNull();
            assertThat(step.getType()).isEqualTo(OperationType.STEP);
        }
        CreditReport report = result.getResult(CreditReport.class);
        assertThat(report.scores()).extracting(CreditScore::score).containsExactly(770, 780, 790);
        assertThat(report.averageScore()).isEqualTo(780);
        assertThat(report.unavailable()).isEmpty();
    }

    @Test
    void aBureauThatFailsTransientlyIsAskedAgain() {
        bureaus.failing(CreditBureaus.TRANSUNION, 2);

        TestResult<CreditReport> result = run();

        assertSucceeded(result, say("TransUnion answers on its third attempt, so the checks should succeed",
                "TransUnion は 3 回目で答えるので、信用調査は成功するはずです"));
        assertThat(bureaus.calls.get(CreditBureaus.TRANSUNION))
                .as(say("the transunion-score step retries with BUREAU_RETRY (3 attempts)",
                        "transunion-score ステップは BUREAU_RETRY（3 回まで）でリトライするはずです"))
                .isEqualTo(3);
        assertThat(result.getResult(CreditReport.class).scores()).hasSize(3);
    }

    @Test
    void oneBureauDownStillGivesAReport() {
        bureaus.failing(CreditBureaus.EXPERIAN, Integer.MAX_VALUE);

        TestResult<CreditReport> result = run();

        assertSucceeded(result, say("two bureaus answering are enough (toleratedFailureCount(1))",
                "2 社が答えれば十分です（toleratedFailureCount(1)）"));
        CreditReport report = result.getResult(CreditReport.class);
        assertThat(report.scores()).extracting(CreditScore::bureau)
                .containsExactly(CreditBureaus.EQUIFAX, CreditBureaus.TRANSUNION);
        assertThat(report.unavailable()).as(say("the report names the bureau that did not answer",
                "答えなかった調査会社の名前がレポートに載るはずです")).containsExactly(CreditBureaus.EXPERIAN);
        assertThat(report.averageScore()).isEqualTo(775);
        assertThat(bureaus.calls.get(CreditBureaus.EXPERIAN)).as(say("experian-score tries 3 times before it fails",
                "experian-score は 3 回試してから失敗するはずです")).isEqualTo(3);
    }

    @Test
    void twoBureausDownFailTheApplication() {
        bureaus.failing(CreditBureaus.EQUIFAX, Integer.MAX_VALUE).failing(CreditBureaus.EXPERIAN, Integer.MAX_VALUE);

        ErrorObject error = assertFailedWith(run(), CreditCheckUnavailableException.class,
                say("with only one bureau answering there is no decision", "1 社しか答えないので判断できないはずです"));

        assertThat(error.errorMessage()).as(say("the message names the bureaus that did not answer",
                "エラーメッセージには答えなかった調査会社の名前が入るはずです"))
                .contains(CreditBureaus.EQUIFAX).contains(CreditBureaus.EXPERIAN);
    }
}
