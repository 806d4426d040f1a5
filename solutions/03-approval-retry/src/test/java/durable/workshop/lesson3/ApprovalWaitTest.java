package durable.workshop.lesson3;

import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.config.WaitForCallbackConfig;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 3.1: waitForCallback whose submitter stores the callback id with the order, with a timeout. */
@Tag("exercise:3.1")
@DynaliteTest(tables = {
        @DynamoTable(name = Fixtures.ORDERS, partitionKey = "orderId"),
        @DynamoTable(name = Fixtures.PRODUCTS, partitionKey = "productId")})
class ApprovalWaitTest {

    private final DynamoDbClient dynamoDb;
    private final OrderWorkflow workflow;

    ApprovalWaitTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.workflow = Fixtures.workflow(dynamoDb);
    }

    @BeforeEach
    void loadProducts() {
        Fixtures.loadProducts(dynamoDb);
    }

    /** An execution that runs only the approval wait, for order-123 with its stock held. */
    private LocalDurableTestRunner<Order, ApprovalDecision> waitOnly(PricedOrder order) {
        return LocalDurableTestRunner.create(Order.class, (input, context) -> workflow.awaitApproval(order, context));
    }

    @Test
    void submitterStoresTheCallbackIdAndTheExecutionWaits() {
        PricedOrder order = Fixtures.reserved123(dynamoDb);
        LocalDurableTestRunner<Order, ApprovalDecision> runner = waitOnly(order);

        TestResult<ApprovalDecision> waiting = runner.runUntilComplete(Fixtures.order123());

        assertPending(waiting, say("the execution should suspend while it waits for the approver (waitForCallback \"approval\")",
                "承認者を待つあいだ、実行は中断するはずです（waitForCallback \"approval\"）"));
        String callbackId = runner.getCallbackId("approval-callback");
        assertThat(callbackId).as(say("waitForCallback(\"approval\", ...) creates the callback approval-callback; history ",
                "waitForCallback(\"approval\", ...) はコールバック approval-callback を作るはずです。履歴: ") + history(waiting))
                .isNotBlank();
        assertThat(waiting.getOperation("approval-callback").getType()).isEqualTo(OperationType.CALLBACK);
        OrderTable.StoredOrder stored = Fixtures.stored(dynamoDb, "order-123");
        assertThat(stored.status()).as(say("the submitter marks the order AWAITING_APPROVAL",
                "サブミッターは注文を AWAITING_APPROVAL にするはずです")).isEqualTo(OrderTable.AWAITING_APPROVAL);
        assertThat(stored.callbackId()).as(say("the submitter stores the callback id with the order, where an approver finds it",
                "サブミッターはコールバック ID を注文と一緒に保存し、承認者が見つけられるようにするはずです"))
                .isEqualTo(callbackId);

        runner.completeCallback(callbackId, Fixtures.approve("alice"));
        TestResult<ApprovalDecision> done = runner.runUntilComplete(Fixtures.order123());

        assertSucceeded(done, say("the approver's answer should resume the execution",
                "承認者の応答で実行が再開するはずです"));
        ApprovalDecision decision = done.getResult(ApprovalDecision.class);
        assertThat(decision.approved()).isTrue();
        assertThat(decision.approver()).as(say("the callback's result is the approver's decision",
                "コールバックの結果は承認者の判断のはずです")).isEqualTo("alice");
    }

    @Test
    void theCallbackTimesOutAfterTheConfiguredApprovalTimeout() {
        WaitForCallbackConfig config = workflow.approvalWaitConfig();

        assertThat(config.callbackConfig()).as(say("approvalWaitConfig() sets a CallbackConfig: a callback without a timeout can wait forever",
                "approvalWaitConfig() は CallbackConfig を設定するはずです。タイムアウトのないコールバックはいつまでも待ち続けます"))
                .isNotNull();
        assertThat(config.callbackConfig().timeout()).as(say("the timeout comes from the configuration (APPROVAL_TIMEOUT), not a constant",
                "タイムアウトは定数ではなく設定（APPROVAL_TIMEOUT）から取るはずです"))
                .isEqualTo(Fixtures.APPROVAL_TIMEOUT);
    }

    @Test
    void aReplayDoesNotMoveTheOrderBackOrHandOutANewId() {
        PricedOrder order = Fixtures.reserved123(dynamoDb);
        LocalDurableTestRunner<Order, ApprovalDecision> runner = waitOnly(order);
        assertPending(runner.runUntilComplete(Fixtures.order123()), say("the execution should wait for the approver",
                "実行は承認者を待つはずです"));
        String callbackId = runner.getCallbackId("approval-callback");

        // Another invocation while nobody has answered yet: the checkpointed submitter does not run again.
        assertPending(runner.run(Fixtures.order123()), say("the execution should still be waiting",
                "実行はまだ待っているはずです"));
        assertThat(runner.getCallbackId("approval-callback")).isEqualTo(callbackId);
        assertThat(Fixtures.stored(dynamoDb, "order-123").callbackId()).isEqualTo(callbackId);
    }
}
