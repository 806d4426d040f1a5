package durable.workshop.lesson3;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 3.7: the whole workflow, from the order to the completion notice or the cancellation. */
@Tag("exercise:3.7")
@DynaliteTest(tables = {
        @DynamoTable(name = Fixtures.ORDERS, partitionKey = "orderId"),
        @DynamoTable(name = Fixtures.PRODUCTS, partitionKey = "productId")})
class OrderWorkflowTest {

    private final DynamoDbClient dynamoDb;
    private final GatewayStub gateway = new GatewayStub();
    private final LocalDurableTestRunner<Order, OrderResult> runner;

    OrderWorkflowTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.runner = LocalDurableTestRunner.create(Order.class, Fixtures.workflow(dynamoDb, gateway.uri()));
    }

    @BeforeEach
    void loadProducts() {
        Fixtures.loadProducts(dynamoDb);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** Runs order-123 up to the approval wait and returns the callback id the submitter stored. */
    private String waitForApproval(Order order) {
        TestResult<OrderResult> waiting = runner.runUntilComplete(order);
        assertPending(waiting, say("the workflow should receive, reserve and then wait for approval",
                "ワークフローは受付、在庫の確保の後、承認を待つはずです"));
        List<String> top = operations(waiting).stream().map(TestOperation::getName)
                .filter(n -> List.of("receive-order", "reserve-inventory", "approval").contains(n)).toList();
        assertThat(top).as(say("history ", "履歴: ") + history(waiting))
                .containsExactly("receive-order", "reserve-inventory", "approval");
        String callbackId = Fixtures.stored(dynamoDb, order.orderId()).callbackId();
        assertThat(callbackId).as(say("an approver finds the callback id in the order table",
                "承認者は注文テーブルでコールバック ID を見つけるはずです"))
                .isEqualTo(runner.getCallbackId("approval-callback"));
        return callbackId;
    }

    @Test
    void approvedOrderIsChargedOnceAndCompleted() {
        gateway.answering(503, 201);
        String callbackId = waitForApproval(Fixtures.order123());
        assertThat(gateway.requests()).as(say("nothing is charged before the approval", "承認の前には何も課金しないはずです")).isEmpty();

        runner.completeCallback(callbackId, Fixtures.approve("alice"));
        TestResult<OrderResult> done = runner.runUntilComplete(Fixtures.order123());

        assertSucceeded(done, say("order-123 should complete", "order-123 は完了するはずです"));
        OrderResult result = done.getResult(OrderResult.class);
        assertThat(result.status()).isEqualTo(OrderResult.COMPLETED);
        assertThat(result.orderId()).isEqualTo("order-123");
        assertThat(result.amount()).as(say("2 x 1000 yen from the product table", "商品テーブルの 1000 円 x 2 のはずです"))
                .isEqualByComparingTo("2000");
        assertThat(result.paymentId()).isEqualTo(GatewayStub.PAYMENT_ID);
        assertThat(result.approver()).isEqualTo("alice");
        assertThat(gateway.keys()).as(say("two attempts, one key", "試行は 2 回、キーは 1 つのはずです")).hasSize(2)
                .containsOnly(done.getOperation("create-payment-key").getStepResult(String.class));
        assertThat(done.getOperation("send-completion-notice")).as(say("the completion notice is a step; history ",
                "完了通知はステップのはずです。履歴: ") + history(done)).isNotNull();
        OrderTable.StoredOrder stored = Fixtures.stored(dynamoDb, "order-123");
        assertThat(stored.status()).isEqualTo(OrderTable.COMPLETED);
        assertThat(stored.paymentId()).isEqualTo(GatewayStub.PAYMENT_ID);
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).as(say("the 2 widgets are sold", "ウィジェット 2 個が売れたはずです"))
                .isEqualTo(48);
    }

    @Test
    void rejectedOrderIsCancelledWithoutACharge() {
        String callbackId = waitForApproval(Fixtures.order123());

        runner.completeCallback(callbackId, Fixtures.reject("bob", "budget exceeded"));
        TestResult<OrderResult> done = runner.runUntilComplete(Fixtures.order123());

        assertSucceeded(done, say("a rejected order ends the execution normally, as CANCELLED",
                "却下された注文は CANCELLED として正常に終わるはずです"));
        OrderResult result = done.getResult(OrderResult.class);
        assertThat(result.status()).isEqualTo(OrderResult.CANCELLED);
        assertThat(result.reason()).contains("bob");
        assertThat(result.paymentId()).isNull();
        assertThat(done.getOperation("create-payment-key")).as(say("no key and no charge after a rejection; history ",
                "却下の後はキーも課金もないはずです。履歴: ") + history(done)).isNull();
        assertThat(gateway.requests()).isEmpty();
        assertThat(Fixtures.stored(dynamoDb, "order-123").status()).isEqualTo(OrderTable.CANCELLED);
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).as(say("the reservation is released", "確保した在庫は解放されるはずです"))
                .isEqualTo(50);
    }

    @Test
    void nobodyAnsweringCancelsTheOrder() {
        String callbackId = waitForApproval(Fixtures.order123());

        runner.timeoutCallback(callbackId);
        TestResult<OrderResult> done = runner.runUntilComplete(Fixtures.order123());

        assertSucceeded(done, say("a timed-out approval cancels the order", "承認のタイムアウトで注文は取り消されるはずです"));
        assertThat(done.getResult(OrderResult.class).status()).isEqualTo(OrderResult.CANCELLED);
        assertThat(Fixtures.stored(dynamoDb, "order-123").reason()).contains("no approver answered within");
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).isEqualTo(50);
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesTheStock() {
        gateway.answering(503, 402);
        String callbackId = waitForApproval(Fixtures.robotOrder());

        runner.completeCallback(callbackId, Fixtures.approve("alice"));
        TestResult<OrderResult> done = runner.runUntilComplete(Fixtures.robotOrder());

        assertSucceeded(done, say("a declined payment cancels the order", "支払いが拒否されたら注文は取り消されるはずです"));
        OrderResult result = done.getResult(OrderResult.class);
        assertThat(result.status()).isEqualTo(OrderResult.CANCELLED);
        assertThat(result.reason()).contains("declined");
        assertThat(result.approver()).isEqualTo("alice");
        assertThat(gateway.requests()).as(say("the 503 is retried, the 402 is not", "503 はリトライし、402 はリトライしないはずです"))
                .hasSize(2);
        assertThat(Fixtures.stockOf(dynamoDb, "prod-003")).isEqualTo(3);
        assertThat(Fixtures.stored(dynamoDb, "order-456").status()).isEqualTo(OrderTable.CANCELLED);
    }

    @Test
    void badInputEndsAtOnceWithAnErrorThatNamesTheField() {
        Order bad = new Order("order-789", "customer-1", List.of(new Order.Item("prod-001", 0)));

        TestResult<OrderResult> result = runner.runUntilComplete(bad);

        ErrorObject error = assertFailedWith(result, InvalidOrderException.class,
                say("a quantity of 0 is invalid input", "数量 0 は不正な入力です"));
        assertThat(error.errorMessage()).contains("items[0].quantity");
        assertThat(names(result)).as(say("nothing is reserved; history ", "在庫は確保しないはずです。履歴: ")
                + history(result)).containsExactly("receive-order");
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).isEqualTo(50);
    }
}
