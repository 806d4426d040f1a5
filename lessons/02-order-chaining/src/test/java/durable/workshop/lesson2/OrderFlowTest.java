package durable.workshop.lesson2;

import static durable.workshop.lesson2.Executions.assertFailedWith;
import static durable.workshop.lesson2.Executions.assertPending;
import static durable.workshop.lesson2.Executions.assertSucceeded;
import static durable.workshop.lesson2.Executions.history;
import static durable.workshop.lesson2.Executions.names;
import static durable.workshop.lesson2.Executions.operations;
import static durable.workshop.lesson2.Executions.payload;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 2.6: the whole orchestrator, end to end, for the four scenarios. The real workers answer the chained
 * invokes (inventory against the local table), the way Lambda would.
 */
@Tag("exercise:2.6")
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class OrderFlowTest {

    private final DynamoDbClient dynamoDb;
    private final LocalWorkers workers;
    private final LocalDurableTestRunner<Order, OrderResult> runner;

    OrderFlowTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.workers = new LocalWorkers(dynamoDb);
        this.runner = LocalDurableTestRunner.create(Order.class, new OrderOrchestrator(TestConfig.CONFIG, dynamoDb));
    }

    @BeforeEach
    void loadCatalog() {
        SampleCatalog.load(dynamoDb);
    }

    @Test
    void successOrderIsConfirmedWithATrackingNumber() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);

        TestResult<OrderResult> first = runner.runUntilComplete(order);
        assertPending(first, "the first invocation should validate, price, then wait for authorize-payment");
        assertThat(names(first)).as("history " + history(first))
                .containsExactly("validate-order", "price-order", "authorize-payment");

        workers.answer(runner, first, "authorize-payment");
        TestResult<OrderResult> second = runner.runUntilComplete(order);
        assertPending(second, "after the authorization the execution should wait for allocate-inventory");
        assertThat(names(second)).as("history " + history(second))
                .containsExactly("validate-order", "price-order", "authorize-payment", "allocate-inventory");

        workers.answer(runner, second, "allocate-inventory");
        TestResult<OrderResult> third = runner.runUntilComplete(order);
        assertPending(third, "after the allocation the execution should wait for fulfill-order");

        workers.answer(runner, third, "fulfill-order");
        TestResult<OrderResult> done = runner.runUntilComplete(order);
        assertSucceeded(done, "ORDER-001 should be confirmed");

        OrderResult confirmed = done.getResult(OrderResult.class);
        assertThat(confirmed.status()).isEqualTo(OrderResult.CONFIRMED);
        assertThat(confirmed.orderId()).isEqualTo("ORDER-001");
        assertThat(confirmed.total()).isEqualByComparingTo("1359.97");
        assertThat(confirmed.authorizationId()).isEqualTo(PaymentWorker.authorizationId("ORDER-001"));
        assertThat(confirmed.reservationId()).isEqualTo(InventoryWorker.reservationId("ORDER-001"));
        assertThat(confirmed.trackingNumber()).as("the tracking number the fulfilment worker returned")
                .isEqualTo(WorkerJson.read(done.getOperation("fulfill-order").getChainedInvokeDetails().result(),
                        FulfillmentResult.class).trackingNumber())
                .startsWith("EP");
        assertThat(confirmed.shipmentId()).startsWith("SHP-");
        assertThat(operations(done)).as("every stage succeeded once; history " + history(done))
                .extracting(TestOperation::getStatus).containsOnly(OperationStatus.SUCCEEDED).hasSize(5);
        assertThat(SampleCatalog.stockOf(dynamoDb, "LAPTOP-001")).isEqualTo(49);
        assertThat(SampleCatalog.stockOf(dynamoDb, "MOUSE-001")).isEqualTo(198);
    }

    @Test
    void replaysDoNotPriceTheOrderAgain() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        TestResult<OrderResult> first = runner.runUntilComplete(order);
        assertPending(first, "the first invocation should stop at authorize-payment");

        SampleCatalog.setPrice(dynamoDb, "LAPTOP-001", "1.00");
        workers.answer(runner, first, "authorize-payment");
        TestResult<OrderResult> done = workers.runToEnd(runner, order);

        assertSucceeded(done, "ORDER-001 should be confirmed");
        assertThat(done.getResult(OrderResult.class).total())
                .as("the replays read price-order from its checkpoint, not from the changed table")
                .isEqualByComparingTo("1359.97");
        assertThat(payload(done, "authorize-payment").path("amount").decimalValue()).isEqualByComparingTo("1359.97");
    }

    @Test
    void tenLaptopsAreDeclinedBeforeAnyStockIsTaken() {
        TestResult<OrderResult> result = workers.runToEnd(runner, SeedOrders.load(SeedOrders.PAYMENT_DECLINED));

        ErrorObject error = assertFailedWith(result, PaymentDeclinedException.class,
                "ORDER-002 costs 12999.90, over the payment limit, so it should be declined");
        assertThat(error.errorMessage()).contains("ORDER-002").contains("12999.90");
        assertThat(names(result)).as("nothing after the payment runs; history " + history(result))
                .containsExactly("validate-order", "price-order", "authorize-payment");
        assertThat(SampleCatalog.stockOf(dynamoDb, "LAPTOP-001")).isEqualTo(50);
    }

    @Test
    void sixtyKeyboardsReleaseThePaymentAndFail() {
        TestResult<OrderResult> result =
                workers.runToEnd(runner, SeedOrders.load(SeedOrders.INSUFFICIENT_INVENTORY));

        ErrorObject error = assertFailedWith(result, InsufficientInventoryException.class,
                "ORDER-003 asks for 60 keyboards with 20 in stock, so it should fail");
        assertThat(error.errorMessage()).contains("KEYBOARD-001").contains("released");
        assertThat(names(result)).as("the payment is released before the failure; history " + history(result))
                .containsExactly("validate-order", "price-order", "authorize-payment", "allocate-inventory",
                        "release-payment");
        assertThat(SampleCatalog.stockOf(dynamoDb, "KEYBOARD-001")).as("no keyboard was taken").isEqualTo(20);
    }

    @Test
    void orderWithoutItemsStopsAtValidation() {
        TestResult<OrderResult> result = runner.runUntilComplete(SeedOrders.load(SeedOrders.NO_ITEMS));

        ErrorObject error = assertFailedWith(result, InvalidOrderException.class,
                "ORDER-004 has no items, so it should fail validation");
        assertThat(error.errorMessage()).contains("items");
        assertThat(names(result)).as("nothing is priced or charged; history " + history(result))
                .containsExactly("validate-order");
    }
}
