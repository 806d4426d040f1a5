package durable.workshop.lesson4;

import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.ExecutionExpectations.operations;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 4.7: the whole workflow for the three demo profiles. The test plays the manager and the fraud-check
 * function (with the function's own rules), the way the API and Lambda would.
 */
@Tag("exercise:4.7")
@DynaliteTest(tables = @DynamoTable(name = TestConfig.TABLE, partitionKey = "applicationId"))
class LoanFlowTest {

    private final ProgressTable progress;
    private final RecordingFraudChecks fraudChecks = new RecordingFraudChecks();
    private final LocalDurableTestRunner<LoanApplication, LoanDecision> runner;

    LoanFlowTest(DynamoDbClient dynamoDb) {
        progress = new ProgressTable(dynamoDb, TestConfig.TABLE);
        runner = LocalDurableTestRunner.create(LoanApplication.class,
                new LoanWorkflow(TestConfig.CONFIG, progress, new FlakyBureaus(), fraudChecks));
    }

    /** Answers the pending fraud check as the fraud-check function would. */
    private void answerFraudCheck() {
        assertThat(fraudChecks.started).as(say("the fraud check was started once", "不正チェックは 1 回だけ開始されたはずです"))
                .hasSize(1);
        FraudCheckRequest request = fraudChecks.started.get(0);
        assertThat(request.callbackId()).isEqualTo(runner.getCallbackId("fraud-check-callback"));
        runner.completeCallback(request.callbackId(), WorkerJson.write(FraudRules.assess(request)));
    }

    private ProgressTable.Progress progressOf(String id) {
        return progress.find(id).orElseThrow(() -> new AssertionError(say("no progress record for " + id,
                id + " の進捗レコードがありません")));
    }

    /** No checkpoint after the input holds the full SIN. */
    private static void assertNoFullSin(TestResult<?> result) {
        for (TestOperation op : operations(result)) {
            String checkpoint = op.getStepDetails() == null ? null : op.getStepDetails().result();
            assertThat(checkpoint == null ? "" : checkpoint).as(say("the checkpoint of " + op.getName()
                    + " holds no full SIN", op.getName() + " のチェックポイントに SIN 全体を残さないはずです"))
                    .doesNotContain("046-45");
        }
    }

    @Test
    void aliceIsApprovedAfterTheManagersApproval() {
        TestResult<LoanDecision> first = runner.runUntilComplete(Profiles.ALICE);
        assertPending(first, say("Alice asks for 150000: the workflow should wait for a manager",
                "Alice は 150000 を申し込むので、ワークフローはマネージャーを待つはずです"));
        assertThat(names(first)).as(say("validated, credit checked, then manager-approval; history ",
                "検証、信用調査の後に manager-approval のはずです。履歴: ") + history(first))
                .contains("validate-application", "record-validated", "credit-checks", "record-credit",
                        "manager-approval")
                .doesNotContain("fraud-check");
        ProgressTable.Progress waiting = progressOf("alice-001");
        assertThat(waiting.status()).isEqualTo(ProgressTable.AWAITING_APPROVAL);
        assertThat(waiting.pendingCallbackId()).isEqualTo(runner.getCallbackId("manager-approval-callback"));

        runner.completeCallback(waiting.pendingCallbackId(), "{\"approved\":true,\"approver\":\"maria\",\"comment\":\"ok\"}");
        TestResult<LoanDecision> second = runner.runUntilComplete(Profiles.ALICE);
        assertPending(second, say("after the approval the workflow should wait for the fraud check",
                "承認の後、ワークフローは不正チェックを待つはずです"));
        assertThat(progressOf("alice-001").status()).isEqualTo(ProgressTable.FRAUD_CHECK);

        answerFraudCheck();
        TestResult<LoanDecision> done = runner.runUntilComplete(Profiles.ALICE);

        assertSucceeded(done, say("Alice should be approved", "Alice は承認されるはずです"));
        LoanDecision decision = done.getResult(LoanDecision.class);
        assertThat(decision.status()).isEqualTo(LoanDecision.APPROVED);
        assertThat(decision.averageScore()).isEqualTo(780);
        assertThat(decision.amount()).isEqualByComparingTo("150000");
        ProgressTable.Progress record = progressOf("alice-001");
        assertThat(record.status()).isEqualTo(ProgressTable.APPROVED);
        assertThat(record.stepsDone()).contains("validate-application", "credit-checks", "manager-approval", "done");
        assertThat(record.log()).as(say("every stage wrote its line once, in order; log ", "各段階がログ行を 1 回ずつ順に書いたはずです。ログ: ")
                + record.log())
                .doesNotHaveDuplicates()
                .anyMatch(line -> line.startsWith("Application validated: Alice Johnson, SIN ***-***-1111"))
                .anyMatch(line -> line.startsWith("Credit checks: 3 of 3 bureaus answered, average score 780"))
                .anyMatch(line -> line.startsWith("Approved by manager maria"))
                .anyMatch(line -> line.startsWith("Decision: APPROVED"));
        assertNoFullSin(done);
    }

    @Test
    void bobIsDeniedForHisCreditScore() {
        TestResult<LoanDecision> done = runner.runUntilComplete(Profiles.BOB);

        assertSucceeded(done, say("Bob's application should be decided without waiting", "Bob の申込みは待たずに判断されるはずです"));
        LoanDecision decision = done.getResult(LoanDecision.class);
        assertThat(decision.status()).isEqualTo(LoanDecision.DENIED);
        assertThat(decision.reason()).contains("credit score too low");
        assertThat(names(done)).as(say("no manager and no fraud check for a denial; history ",
                "却下ならマネージャーも不正チェックも要らないはずです。履歴: ") + history(done))
                .doesNotContain("manager-approval", "fraud-check");
        assertThat(fraudChecks.started).isEmpty();
        assertThat(progressOf("bob-001").status()).isEqualTo(ProgressTable.DENIED);
    }

    @Test
    void charlieIsApprovedUpToTwentyFiveThousandAndDeniedAbove() {
        TestResult<LoanDecision> first = runner.runUntilComplete(Profiles.CHARLIE);
        assertPending(first, say("Charlie's 25000 passes the rules: the workflow should wait for the fraud check",
                "Charlie の 25000 は規則を通るので、ワークフローは不正チェックを待つはずです"));
        assertThat(names(first)).doesNotContain("manager-approval");
        answerFraudCheck();
        TestResult<LoanDecision> done = runner.runUntilComplete(Profiles.CHARLIE);
        assertSucceeded(done, say("Charlie should be approved for 25000", "Charlie は 25000 で承認されるはずです"));
        assertThat(done.getResult(LoanDecision.class).status()).isEqualTo(LoanDecision.APPROVED);

        LocalDurableTestRunner<LoanApplication, LoanDecision> above = LocalDurableTestRunner.create(
                LoanApplication.class, new LoanWorkflow(TestConfig.CONFIG, progress, new FlakyBureaus(), fraudChecks));
        TestResult<LoanDecision> denied = above.runUntilComplete(
                new LoanApplication("charlie-002", "Charlie Wilson", "046-453-333", new BigDecimal("30000")));
        assertSucceeded(denied, say("Charlie's 30000 should be decided at once", "Charlie の 30000 はすぐに判断されるはずです"));
        assertThat(denied.getResult(LoanDecision.class).status()).as(say("30000 is over Charlie's 25000 limit",
                "30000 は Charlie の上限 25000 を超えます")).isEqualTo(LoanDecision.DENIED);
    }

    @Test
    void anInvalidApplicationFailsAndTheStatusSaysWhy() {
        LoanApplication noSin = new LoanApplication("dana-001", "Dana Lee", "", new BigDecimal("20000"));

        assertFailedWith(runner.runUntilComplete(noSin), InvalidApplicationException.class,
                say("an application without a SIN should fail", "SIN のない申込みは失敗するはずです"));

        ProgressTable.Progress record = progressOf("dana-001");
        assertThat(record.status()).isEqualTo(ProgressTable.FAILED);
        assertThat(record.reason()).contains("sin");
    }
}
