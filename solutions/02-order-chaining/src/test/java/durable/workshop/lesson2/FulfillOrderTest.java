package durable.workshop.lesson2;

import static durable.workshop.lesson2.ChainedInvokes.invokeStarted;
import static durable.workshop.lesson2.ChainedInvokes.payload;
import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.LearnerLanguage.say;
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

        assertPending(result, say("the execution should suspend while it waits for the fulfill-order invoke",
                "fulfill-order の invoke を待つあいだ、実行は中断するはずです"));
        assertThat(invokeStarted(result, "fulfill-order").functionName())
                .as(say("the target is FULFILLMENT_FUNCTION from the configuration",
                        "呼び出し先は設定の FULFILLMENT_FUNCTION のはずです")).isEqualTo(TestConfig.FULFILLMENT);
        JsonNode payload = payload(result, "fulfill-order");
        assertThat(payload.path("orderId").asText()).isEqualTo("ORDER-001");
        assertThat(payload.path("shippingAddress").path("city").asText()).as(say("ship to the shipping address",
                "配送先住所（shippingAddress）へ出荷するはずです"))
                .isEqualTo("Seattle");
        assertThat(payload.path("allocations")).as(say("the reserved items, with their warehouse",
                "引き当てた商品が、出荷元の倉庫と一緒に渡されるはずです")).hasSize(2);
        assertThat(payload.path("allocations").get(0).path("warehouseLocation").asText()).isEqualTo("WAREHOUSE-A");
    }

    @Test
    void returnsTheShipmentWithItsTrackingNumber() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        LocalDurableTestRunner<Order, FulfillmentResult> runner = fulfilmentOnly();
        assertPending(runner.runUntilComplete(order), say("the execution should wait for fulfill-order",
                "実行は fulfill-order を待つはずです"));

        runner.completeChainedInvoke("fulfill-order",
                "{\"shipmentId\":\"SHP-1\",\"carrier\":\"Example Parcel\",\"trackingNumber\":\"EP000000000042\"}");
        TestResult<FulfillmentResult> result = runner.runUntilComplete(order);

        assertSucceeded(result, say("a booked shipment lets the stage finish", "出荷が手配されたので、この段階は完了するはずです"));
        assertThat(result.getResult(FulfillmentResult.class).trackingNumber()).isEqualTo("EP000000000042");
        assertThat(result.getResult(FulfillmentResult.class).shipmentId()).isEqualTo("SHP-1");
    }
}
