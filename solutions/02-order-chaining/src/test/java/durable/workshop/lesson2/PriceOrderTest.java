package durable.workshop.lesson2;

import static durable.workshop.lesson2.Executions.assertFailedWith;
import static durable.workshop.lesson2.Executions.assertPending;
import static durable.workshop.lesson2.Executions.assertSucceeded;
import static durable.workshop.lesson2.Executions.history;
import static durable.workshop.lesson2.Executions.names;
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

        assertSucceeded(result, "ORDER-001 (1 laptop, 2 mice) should be priced");
        assertThat(names(result)).as("pricing runs in one step named price-order; history " + history(result))
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

        assertSucceeded(result, "ORDER-002 (10 laptops) should be priced");
        assertThat(result.getResult(PricedOrder.class).total()).as("10 x 1299.99").isEqualByComparingTo("12999.90");
    }

    @Test
    void theTableDecidesThePrice() {
        SampleCatalog.setPrice(dynamoDb, "MOUSE-001", "25.00");

        TestResult<PricedOrder> result = pricingOnly().runUntilComplete(SeedOrders.load(SeedOrders.SUCCESS));

        assertSucceeded(result, "ORDER-001 should be priced");
        assertThat(result.getResult(PricedOrder.class).total()).as("the mouse now costs 25.00 in the table: 1299.99 + 2 x 25.00")
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
                "PHONE-404 is not in the catalog, so the execution should fail");
        assertThat(error.errorMessage()).contains("PHONE-404").contains("items[1].productId");
        assertThat(result.getOperation("price-order").getStatus())
                .as("price-order returns the unknown ids and succeeds; an exception thrown inside it would be retried")
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

        assertPending(runner.run(order), "the first invocation should price the order, then suspend");
        SampleCatalog.setPrice(dynamoDb, "LAPTOP-001", "1.00");
        TestResult<PricedOrder> result = runner.runUntilComplete(order);

        assertSucceeded(result, "after the wait the execution should finish");
        assertThat(result.getResult(PricedOrder.class).total())
                .as("on replay price-order returns its checkpoint; it does not read the changed table again")
                .isEqualByComparingTo(new BigDecimal("1359.97"));
    }
}
