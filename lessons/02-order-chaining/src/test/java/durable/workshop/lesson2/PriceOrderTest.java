package durable.workshop.lesson2;

import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 2.2: prices come from the ProductCatalog table, read inside the price-order step. */
@Tag("exercise:2.2")
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class PriceOrderTest {

    private final DynamoDbClient dynamoDb;
    private final OrderOrchestrator orchestrator;

    PriceOrderTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.orchestrator = new OrderOrchestrator(TestConfig.CONFIG, dynamoDb);
    }

    @BeforeEach
    void loadCatalog() {
        SampleCatalog.load(dynamoDb);
    }

    /** An execution that runs only the pricing stage. */
    private LocalDurableTestRunner<Order, PricedOrder> pricingOnly() {
        return LocalDurableTestRunner.create(Order.class, (order, context) -> orchestrator.price(order, context));
    }

    @Test
    void pricesTheOrderFromTheCatalog() {
        TestResult<PricedOrder> result = pricingOnly().runUntilComplete(SeedOrders.load(SeedOrders.SUCCESS));

        assertSucceeded(result, say("ORDER-001 (1 laptop, 2 mice) should be priced",
                "ORDER-001（ノート PC 1 台、マウス 2 個）に価格が付くはずです"));
        assertThat(names(result)).as(say("pricing runs in one step named price-order; history ",
                "価格付けは price-order という名前の 1 つのステップで行います。履歴: ") + history(result))
                .containsExactly("price-order");
        assertThat(result.getOperation("price-order").getType()).isEqualTo(OperationType.STEP);
        PricedOrder priced = result.getResult(PricedOrder.class);
        assertThat(priced.total()).as("1 x 1299.99 + 2 x 29.99").isEqualByComparingTo("1359.97");
        assertThat(priced.lines()).extracting(PricedOrder.Line::productId, PricedOrder.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LAPTOP-001", 1),
                        org.assertj.core.groups.Tuple.tuple("MOUSE-001", 2));
        assertThat(priced.lines().get(1).lineTotal()).isEqualByComparingTo("59.98");
    }

    @Test
    void tenLaptopsCostMoreThanTheLimit() {
        TestResult<PricedOrder> result = pricingOnly().runUntilComplete(SeedOrders.load(SeedOrders.PAYMENT_DECLINED));

        assertSucceeded(result, say("ORDER-002 (10 laptops) should be priced", "ORDER-002（ノート PC 10 台）に価格が付くはずです"));
        assertThat(result.getResult(PricedOrder.class).total()).as("10 x 1299.99").isEqualByComparingTo("12999.90");
    }

    @Test
    void theTableDecidesThePrice() {
        SampleCatalog.setPrice(dynamoDb, "MOUSE-001", "25.00");

        TestResult<PricedOrder> result = pricingOnly().runUntilComplete(SeedOrders.load(SeedOrders.SUCCESS));

        assertSucceeded(result, say("ORDER-001 should be priced", "ORDER-001 に価格が付くはずです"));
        assertThat(result.getResult(PricedOrder.class).total())
                .as(say("the mouse now costs 25.00 in the table: 1299.99 + 2 x 25.00",
                        "テーブルではマウスの価格が 25.00 に変わっています: 1299.99 + 2 x 25.00"))
                .isEqualByComparingTo("1349.99");
    }

    @Test
    void unknownProductFailsNamingIt() {
        Order seed = SeedOrders.load(SeedOrders.SUCCESS);
        Order order = new Order(seed.orderId(), seed.customerId(),
                List.of(new Order.Item("LAPTOP-001", 1), new Order.Item("PHONE-404", 1)),
                seed.shippingAddress(), seed.billingAddress(), seed.paymentMethod());

        TestResult<PricedOrder> result = pricingOnly().runUntilComplete(order);

        ErrorObject error = assertFailedWith(result, InvalidOrderException.class,
                say("PHONE-404 is not in the catalog, so the execution should fail",
                        "PHONE-404 はカタログにないので、実行は失敗するはずです"));
        assertThat(error.errorMessage()).contains("PHONE-404").contains("items[1].productId");
        assertThat(result.getOperation("price-order").getStatus())
                .as(say("price-order returns the unknown ids and succeeds; "
                                + "an exception thrown inside it would be retried",
                        "price-order は見つからない ID を返して成功します。ステップの中で例外を投げるとリトライされてしまいます"))
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void replayUsesTheCheckpointedPrices() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        LocalDurableTestRunner<Order, PricedOrder> runner = LocalDurableTestRunner.create(Order.class,
                (input, context) -> {
                    PricedOrder priced = orchestrator.price(input, context);
                    context.wait("pause", Duration.ofMinutes(5));
                    return priced;
                });

        assertPending(runner.run(order), say("the first invocation should price the order, then suspend",
                "最初の呼び出しで注文に価格を付け、その後で中断するはずです"));
        SampleCatalog.setPrice(dynamoDb, "LAPTOP-001", "1.00");
        TestResult<PricedOrder> result = runner.runUntilComplete(order);

        assertSucceeded(result, say("after the wait the execution should finish", "待機の後、実行は完了するはずです"));
        assertThat(result.getResult(PricedOrder.class).total())
                .as(say("on replay price-order returns its checkpoint; it does not read the changed table again",
                        "リプレイでは price-order はチェックポイントの結果を返し、変更されたテーブルを読み直さないはずです"))
                .isEqualByComparingTo(new BigDecimal("1359.97"));
    }
}
