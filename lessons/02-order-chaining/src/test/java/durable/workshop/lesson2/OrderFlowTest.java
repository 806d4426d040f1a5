package durable.workshop.lesson2;

import static durable.workshop.lesson2.ChainedInvokes.payload;
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
        assertPending(first, say("the first invocation should validate, price, then wait for authorize-payment",
                "最初の呼び出しで検証と価格付けを行い、その後 authorize-payment を待つはずです"));
        assertThat(names(first)).as(say("history ", "履歴: ") + history(first))
                .containsExactly("validate-order", "price-order", "authorize-payment");

        workers.answer(runner, first, "authorize-payment");
        TestResult<OrderResult> second = runner.runUntilComplete(order);
        assertPending(second, say("after the authorization the execution should wait for allocate-inventory",
                "オーソリの後、実行は allocate-inventory を待つはずです"));
        assertThat(names(second)).as(say("history ", "履歴: ") + history(second))
                .containsExactly("validate-order", "price-order", "authorize-payment", "allocate-inventory");

        workers.answer(runner, second, "allocate-inventory");
        TestResult<OrderResult> third = runner.runUntilComplete(order);
        assertPending(third, say("after the allocation the execution should wait for fulfill-order",
                "在庫の引き当ての後、実行は fulfill-order を待つはずです"));

        workers.answer(runner, third, "fulfill-order");
        TestResult<OrderResult> done = runner.runUntilComplete(order);
        assertSucceeded(done, say("ORDER-001 should be confirmed", "ORDER-001 は確定（CONFIRMED）するはずです"));

        OrderResult confirmed = done.getResult(OrderResult.class);
        assertThat(confirmed.status()).isEqualTo(OrderResult.CONFIRMED);
        assertThat(confirmed.orderId()).isEqualTo("ORDER-001");
        assertThat(confirmed.total()).isEqualByComparingTo("1359.97");
        assertThat(confirmed.authorizationId()).isEqualTo(PaymentWorker.authorizationId("ORDER-001"));
        assertThat(confirmed.reservationId()).isEqualTo(InventoryWorker.reservationId("ORDER-001"));
        assertThat(confirmed.trackingNumber()).as(say("the tracking number the fulfilment worker returned",
                "出荷ワーカーが返した追跡番号のはずです"))
                .isEqualTo(WorkerJson.read(done.getOperation("fulfill-order").getChainedInvokeDetails().result(),
                        FulfillmentResult.class).trackingNumber())
                .startsWith("EP");
        assertThat(confirmed.shipmentId()).startsWith("SHP-");
        assertThat(operations(done)).as(say("every stage succeeded once; history ",
                "どの段階も 1 回ずつ成功しているはずです。履歴: ") + history(done))
                .extracting(TestOperation::getStatus).containsOnly(OperationStatus.SUCCEEDED).hasSize(5);
        assertThat(SampleCatalog.stockOf(dynamoDb, "LAPTOP-001")).isEqualTo(49);
        assertThat(SampleCatalog.stockOf(dynamoDb, "MOUSE-001")).isEqualTo(198);
    }

    @Test
    void replaysDoNotPriceTheOrderAgain() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        TestResult<OrderResult> first = runner.runUntilComplete(order);
        assertPending(first, say("the first invocation should stop at authorize-payment",
                "最初の呼び出しは authorize-payment で止まるはずです"));

        SampleCatalog.setPrice(dynamoDb, "LAPTOP-001", "1.00");
        workers.answer(runner, first, "authorize-payment");
        TestResult<OrderResult> done = workers.runToEnd(runner, order);

        assertSucceeded(done, say("ORDER-001 should be confirmed", "ORDER-001 は確定（CONFIRMED）するはずです"));
        assertThat(done.getResult(OrderResult.class).total())
                .as(say("the replays read price-order from its checkpoint, not from the changed table",
                        "リプレイでは price-order の結果を、変更されたテーブルからではなくチェックポイントから読むはずです"))
                .isEqualByComparingTo("1359.97");
        assertThat(payload(done, "authorize-payment").path("amount").decimalValue()).isEqualByComparingTo("1359.97");
    }

    @Test
    void tenLaptopsAreDeclinedBeforeAnyStockIsTaken() {
        TestResult<OrderResult> result = workers.runToEnd(runner, SeedOrders.load(SeedOrders.PAYMENT_DECLINED));

        ErrorObject error = assertFailedWith(result, PaymentDeclinedException.class,
                say("ORDER-002 costs 12999.90, over the payment limit, so it should be declined",
                        "ORDER-002 は 12999.90 で支払いの上限を超えるので、拒否されるはずです"));
        assertThat(error.errorMessage()).contains("ORDER-002").contains("12999.90");
        assertThat(names(result)).as(say("nothing after the payment runs; history ",
                "支払いより後の段階は実行されないはずです。履歴: ") + history(result))
                .containsExactly("validate-order", "price-order", "authorize-payment");
        assertThat(SampleCatalog.stockOf(dynamoDb, "LAPTOP-001")).isEqualTo(50);
    }

    @Test
    void sixtyKeyboardsReleaseThePaymentAndFail() {
        TestResult<OrderResult> result =
                workers.runToEnd(runner, SeedOrders.load(SeedOrders.INSUFFICIENT_INVENTORY));

        ErrorObject error = assertFailedWith(result, InsufficientInventoryException.class,
                say("ORDER-003 asks for 60 keyboards with 20 in stock, so it should fail",
                        "ORDER-003 はキーボードを 60 個注文していますが在庫は 20 個なので、失敗するはずです"));
        assertThat(error.errorMessage()).contains("KEYBOARD-001").containsIgnoringCase("released");
        assertThat(names(result)).as(say("the payment is released before the failure; history ",
                "失敗する前にオーソリを取り消すはずです。履歴: ") + history(result))
                .containsExactly("validate-order", "price-order", "authorize-payment", "allocate-inventory",
                        "release-payment");
        assertThat(SampleCatalog.stockOf(dynamoDb, "KEYBOARD-001")).as(say("no keyboard was taken",
                "キーボードの在庫は減っていないはずです")).isEqualTo(20);
    }

    @Test
    void orderWithoutItemsStopsAtValidation() {
        TestResult<OrderResult> result = runner.runUntilComplete(SeedOrders.load(SeedOrders.NO_ITEMS));

        ErrorObject error = assertFailedWith(result, InvalidOrderException.class,
                say("ORDER-004 has no items, so it should fail validation", "ORDER-004 には明細がないので、検証で失敗するはずです"));
        assertThat(error.errorMessage()).contains("items");
        assertThat(names(result)).as(say("nothing is priced or charged; history ",
                "価格付けも課金も行われないはずです。履歴: ") + history(result))
                .containsExactly("validate-order");
    }
}
