package durable.workshop.lesson4;

import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 4.4: a manager approves by callback. The submitter stores the callback id in the progress table (where
 * the API finds it); approve, deny and a timeout each end the wait.
 */
@Tag("exercise:4.4")
@DynaliteTest(tables = @DynamoTable(name = TestConfig.TABLE, partitionKey = "applicationId"))
class ManagerApprovalTest {

    private final ProgressTable progress;
    private final LocalDurableTestRunner<LoanApplication, ManagerDecision> runner;

    ManagerApprovalTest(DynamoDbClient dynamoDb) {
        progress = new ProgressTable(dynamoDb, TestConfig.TABLE);
        LoanWorkflow workflow = new LoanWorkflow(TestConfig.CONFIG, progress, new FlakyBureaus(),
                new RecordingFraudChecks());
        ValidatedApplication alice = Profiles.validated(Profiles.ALICE);
        runner = LocalDurableTestRunner.create(LoanApplication.class,
                (LoanApplication application, DurableContext context) -> workflow.managerApproval(alice, context));
    }

    /** Runs until the execution waits for the manager; returns the callback id. */
    private String waitingForTheManager() {
        TestResult<ManagerDecision> first = runner.runUntilComplete(Profiles.ALICE);
        assertPending(first, say("the execution should suspend while it waits for the manager-approval callback",
                "manager-approval のコールバックを待つあいだ、実行は中断するはずです"));
        assertThat(first.getOperation("manager-approval")).as(say("a waitForCallback named manager-approval; history ",
                "manager-approval という名前の waitForCallback があるはずです。履歴: ") + history(first)).isNotNull();
        String callbackId = runner.getCallbackId("manager-approval-callback");
        assertThat(callbackId).as(say("waitForCallback(\"manager-approval\", ...) creates the callback manager-approval-callback",
                "waitForCallback(\"manager-approval\", ...) はコールバック manager-approval-callback を作るはずです"))
                .isNotNull();
        return callbackId;
    }

    @Test
    void theSubmitterRecordsTheCallbackIdForTheApi() {
        String callbackId = waitingForTheManager();

        ProgressTable.Progress record = progress.find("alice-001").orElse(null);
        assertThat(record).as(say("the submitter writes the progress record of alice-001",
                "サブミッターが alice-001 の進捗レコードを書くはずです")).isNotNull();
        assertThat(record.pendingCallbackId()).as(say("progress.awaitingApproval stores the callback id the API sends",
                "progress.awaitingApproval が、API が送るコールバック ID を保存するはずです")).isEqualTo(callbackId);
        assertThat(record.status()).isEqualTo(ProgressTable.AWAITING_APPROVAL);
    }

    @Test
    void approvalReturnsTheManagersDecision() {
        runner.completeCallback(waitingForTheManager(),
                "{\"approved\":true,\"approver\":\"maria\",\"comment\":\"good history\"}");

        TestResult<ManagerDecision> result = runner.runUntilComplete(Profiles.ALICE);

        assertSucceeded(result, say("the manager answered, so the wait should end", "マネージャーが答えたので、待機は終わるはずです"));
        ManagerDecision decision = result.getResult(ManagerDecision.class);
        assertThat(decision.approved()).isTrue();
        assertThat(decision.approver()).isEqualTo("maria");
    }

    @Test
    void denialReturnsADenial() {
        runner.completeCallback(waitingForTheManager(), "{\"approved\":false,\"approver\":\"maria\",\"comment\":\"no\"}");

        TestResult<ManagerDecision> result = runner.runUntilComplete(Profiles.ALICE);

        assertSucceeded(result, say("a denial is an answer too", "却下も答えの一つです"));
        assertThat(result.getResult(ManagerDecision.class).approved()).isFalse();
    }

    @Test
    void noAnswerInTimeCountsAsADenial() {
        runner.timeoutCallback(waitingForTheManager());

        TestResult<ManagerDecision> result = runner.runUntilComplete(Profiles.ALICE);

        assertSucceeded(result, say("a timeout is caught (CallbackTimeoutException) and becomes a denial",
                "タイムアウト（CallbackTimeoutException）は捕まえて却下として扱うはずです"));
        ManagerDecision decision = result.getResult(ManagerDecision.class);
        assertThat(decision.approved()).isFalse();
        assertThat(decision.comment()).as(say("the comment says the approval timed out",
                "コメントには承認がタイムアウトしたこと（timed out）が書かれるはずです")).contains("timed out");
    }
}
