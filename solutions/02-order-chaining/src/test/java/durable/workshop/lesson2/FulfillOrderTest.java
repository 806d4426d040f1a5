package durable.workshop.lesson2;

import static durable.workshop.lesson2.Executions.assertPending;
import static durable.workshop.lesson2.Executions.assertSucceeded;
import static durable.workshop.lesson2.Executions.invokeStarted;
import static durable.workshop.lesson2.Executions.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 2.5: the fulfilment worker ships the reserved items and answers with the tracking number. */
@Tag("exercise:2.5")
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class FulfillOrderTest {

    private final OrderOrchestrator orchestrator;

    FulfillOrderTest(DynamoDbClient dynamoDb) {
        orchestrator = new OrderOrchestrator(TestConfig.CONFIG, dynamoDb);
    }

    private LocalDurableTestRunner<Order, FulfillmentResult> fulfilmentOnly() {
        InventoryResult inventory = Fixtures.allocatedSuccessOrder();
        return LocalDurableTestRunner.create(Order.class,
                (order, context) -> orchestrator.fulfill(order, inventory, context));
    }

    @Test
    void invokesTheFulfilmentWorkerWithAddressAndAllocations() {
        TestResult<FulfillmentResult> result = fulfilmentOnly().runUntilComplete(SeedOrders.load(SeedOrders.SUCCESS));

        assertPending(result, "the execution should suspend while it waits for the fulfill-order invoke");
        assertThat(invokeStarted(result, "fulfill-order").functionName())
                .as("the target is FULFILLMENT_FUNCTION from the configuration").isEqualTo(TestConfig.FULFILLMENT);
        JsonNode payload = payload(result, "fulfill-order");
        assertThat(payload.path("orderId").asText()).isEqualTo("ORDER-001");
        assertThat(payload.path("shippingAddress").path("city").asText()).as("ship to the shipping address")
                .isEqualTo("Seattle");
        assertThat(payload.path("allocations")).as("the reserved items, with their warehouse").hasSize(2);
        assertThat(payload.path("allocations").get(0).path("warehouseLocation").asText()).isEqualTo("WAREHOUSE-A");
    }

    @Test
    void returnsTheShipmentWithItsTrackingNumber() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        LocalDurableTestRunner<Order, FulfillmentResult> runner = fulfilmentOnly();
        assertPending(runner.runUntilComplete(order), "the execution should wait for fulfill-order");

        runner.completeChainedInvoke("fulfill-order",
                "{\"shipmentId\":\"SHP-1\",\"carrier\":\"Example Parcel\",\"trackingNumber\":\"EP000000000042\"}");
        TestResult<FulfillmentResult> result = runner.runUntilComplete(order);

        assertSucceeded(result, "a booked shipment lets the stage finish");
        assertThat(result.getResult(FulfillmentResult.class).trackingNumber()).isEqualTo("EP000000000042");
        assertThat(result.getResult(FulfillmentResult.class).shipmentId()).isEqualTo("SHP-1");
    }
}
