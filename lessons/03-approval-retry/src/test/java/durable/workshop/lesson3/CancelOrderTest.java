package durable.workshop.lesson3;

import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 3.3: cancelling releases the reservation and records CANCELLED with the reason, exactly once. */
@Tag("exercise:3.3")
@DynaliteTest(tables = {
        @DynamoTable(name = Fixtures.ORDERS, partitionKey = "orderId"),
        @DynamoTable(name = Fixtures.PRODUCTS, partitionKey = "productId")})
class CancelOrderTest {

    private final DynamoDbClient dynamoDb;
    private final OrderWorkflow workflow;

    CancelOrderTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.workflow = Fixtures.workflow(dynamoDb);
    }

    @BeforeEach
    void loadProducts() {
        Fixtures.loadProducts(dynamoDb);
    }

    private LocalDurableTestRunner<Order, OrderResult> cancelOnly(PricedOrder order, String reason) {
        return LocalDurableTestRunner.create(Order.class,
                (input, context) -> workflow.cancel(order, "bob", reason, context));
    }

    @Test
    void releasesTheStockAndRecordsTheReason() {
        PricedOrder order = Fixtures.reserved123(dynamoDb);
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).isEqualTo(48);

        TestResult<OrderResult> result = cancelOnly(order, "rejected by bob").runUntilComplete(Fixtures.order123());

        assertSucceeded(result, say("a cancellation is a normal ending: the stage should return the CANCELLED order",
                "取り消しは正常な終わり方です。この段階は CANCELLED の注文を返すはずです"));
        assertThat(names(result)).as(say("one step named cancel-order; history ", "cancel-order という名前の 1 つのステップのはずです。履歴: ")
                + history(result)).containsExactly("cancel-order");
        OrderResult cancelled = result.getResult(OrderResult.class);
        assertThat(cancelled.status()).isEqualTo(OrderResult.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("rejected by bob");
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).as(say("the 2 widgets go back into stock",
                "ウィジェット 2 個が在庫に戻るはずです")).isEqualTo(50);
        OrderTable.StoredOrder stored = Fixtures.stored(dynamoDb, "order-123");
        assertThat(stored.status()).isEqualTo(OrderTable.CANCELLED);
        assertThat(stored.reason()).isEqualTo("rejected by bob");
    }

    @Test
    void aStepRunAgainAfterALostCheckpointReleasesTheStockOnce() {
        PricedOrder order = Fixtures.reserved123(dynamoDb);
        LocalDurableTestRunner<Order, OrderResult> runner = cancelOnly(order, "rejected by bob");
        assertSucceeded(runner.runUntilComplete(Fixtures.order123()), say("the order should be cancelled",
                "注文は取り消されるはずです"));

        // The step's success checkpoint is lost: the next invocation runs cancel-order again.
        runner.resetCheckpointToStarted("cancel-order");
        TestResult<OrderResult> again = runner.runUntilComplete(Fixtures.order123());

        assertSucceeded(again, say("running cancel-order again should still succeed", "cancel-order をもう一度実行しても成功するはずです"));
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).as(say("the stock is released once, not twice (50, not 52)",
                "在庫の解放は 2 回ではなく 1 回だけのはずです（52 ではなく 50）")).isEqualTo(50);
        assertThat(again.getResult(OrderResult.class).reason()).isEqualTo("rejected by bob");
    }

    @Test
    void aSecondCancellationKeepsTheFirstReason() {
        PricedOrder order = Fixtures.reserved123(dynamoDb);
        assertSucceeded(cancelOnly(order, "rejected by bob").runUntilComplete(Fixtures.order123()),
                say("the order should be cancelled", "注文は取り消されるはずです"));

        TestResult<OrderResult> later = cancelOnly(order, "no approver answered within 45 minutes")
                .runUntilComplete(Fixtures.order123());

        assertSucceeded(later, say("cancelling a cancelled order changes nothing and succeeds",
                "取り消し済みの注文をもう一度取り消しても何も変わらず、成功するはずです"));
        assertThat(Fixtures.stored(dynamoDb, "order-123").reason()).as(say("the conditional write keeps the first reason",
                "条件付き書き込みなので、最初の理由が残るはずです")).isEqualTo("rejected by bob");
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).isEqualTo(50);
    }
}
