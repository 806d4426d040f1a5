package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Stock reservation with conditional writes, all items or none (not an exercise). */
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class InventoryWorkerTest {

    private final DynamoDbClient dynamoDb;
    private final InventoryWorker worker;

    InventoryWorkerTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.worker = new InventoryWorker(dynamoDb, SampleCatalog.TABLE);
    }

    @BeforeEach
    void loadCatalog() {
        SampleCatalog.load(dynamoDb);
    }

    private static InventoryRequest request(String orderId, Order.Item... items) {
        return new InventoryRequest(orderId, List.of(items));
    }

    @Test
    void reservesEveryItemAndSaysWhereItShipsFrom() {
        InventoryResult result = worker.handleRequest(
                new InventoryRequest("ORDER-001", SeedOrders.load(SeedOrders.SUCCESS).items()), null);

        assertThat(result.status()).isEqualTo(InventoryResult.ALLOCATED);
        assertThat(result.reservationId()).isEqualTo(InventoryWorker.reservationId("ORDER-001"));
        assertThat(result.allocations()).containsExactly(
                new InventoryResult.Allocation("LAPTOP-001", 1, "WAREHOUSE-A"),
                new InventoryResult.Allocation("MOUSE-001", 2, "WAREHOUSE-A"));
        assertThat(SampleCatalog.stockOf(dynamoDb, "LAPTOP-001")).isEqualTo(49);
        assertThat(SampleCatalog.stockOf(dynamoDb, "MOUSE-001")).isEqualTo(198);
    }

    @Test
    void aRepeatedRequestTakesNoMoreStock() {
        InventoryRequest request = request("ORDER-001", new Order.Item("LAPTOP-001", 1));

        InventoryResult first = worker.handleRequest(request, null);
        InventoryResult again = worker.handleRequest(request, null);

        assertThat(again).isEqualTo(first);
        assertThat(SampleCatalog.stockOf(dynamoDb, "LAPTOP-001")).isEqualTo(49);
    }

    @Test
    void tooFewKeyboardsReservesNothing() {
        InventoryResult result = worker.handleRequest(request("ORDER-003", new Order.Item("KEYBOARD-001", 60)), null);

        assertThat(result.status()).isEqualTo(InventoryResult.INSUFFICIENT);
        assertThat(result.reservationId()).isNull();
        assertThat(result.shortages()).containsExactly(new InventoryResult.Shortage("KEYBOARD-001", 60, 20));
        assertThat(SampleCatalog.stockOf(dynamoDb, "KEYBOARD-001")).isEqualTo(20);
    }

    @Test
    void itemsTakenBeforeTheShortItemArePutBack() {
        InventoryResult result = worker.handleRequest(request("ORDER-005",
                new Order.Item("MOUSE-001", 5), new Order.Item("KEYBOARD-001", 21)), null);

        assertThat(result.status()).isEqualTo(InventoryResult.INSUFFICIENT);
        assertThat(SampleCatalog.stockOf(dynamoDb, "MOUSE-001")).as("all or nothing").isEqualTo(200);

        InventoryResult retry = worker.handleRequest(request("ORDER-005",
                new Order.Item("MOUSE-001", 5), new Order.Item("KEYBOARD-001", 20)), null);
        assertThat(retry.status()).as("a failed attempt leaves no reservation behind").isEqualTo(InventoryResult.ALLOCATED);
        assertThat(SampleCatalog.stockOf(dynamoDb, "KEYBOARD-001")).isZero();
    }

    @Test
    void unknownProductIsShortWithNothingAvailable() {
        InventoryResult result = worker.handleRequest(request("ORDER-006", new Order.Item("PHONE-404", 1)), null);

        assertThat(result.shortages()).containsExactly(new InventoryResult.Shortage("PHONE-404", 1, 0));
    }

    @Test
    void badRequestsNameTheField() {
        assertThatThrownBy(() -> worker.handleRequest(request(" ", new Order.Item("MOUSE-001", 1)), null))
                .hasMessageStartingWith("orderId:");
        assertThatThrownBy(() -> worker.handleRequest(request("ORDER-007", new Order.Item("MOUSE-001", 0)), null))
                .hasMessageStartingWith("items[0].quantity:");
        assertThatThrownBy(() -> worker.handleRequest(new InventoryRequest("ORDER-007", List.of()), null))
                .hasMessageStartingWith("items:");
    }
}
