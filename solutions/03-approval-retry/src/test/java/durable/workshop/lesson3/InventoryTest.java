package durable.workshop.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reservations are all or nothing, and a repeated request for the same order takes nothing more. */
@DynaliteTest(tables = {
        @DynamoTable(name = Fixtures.ORDERS, partitionKey = "orderId"),
        @DynamoTable(name = Fixtures.PRODUCTS, partitionKey = "productId")})
class InventoryTest {

    private final DynamoDbClient dynamoDb;
    private final Inventory inventory;
    private final OrderTable orders;

    InventoryTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.orders = new OrderTable(dynamoDb, Fixtures.ORDERS);
        this.inventory = new Inventory(new ProductTable(dynamoDb, Fixtures.PRODUCTS), orders);
    }

    @BeforeEach
    void loadProducts() {
        Fixtures.loadProducts(dynamoDb);
    }

    @Test
    void aRepeatedReservationTakesTheStockOnce() {
        assertThat(inventory.reserve(Fixtures.priced123()).reserved()).isTrue();
        assertThat(inventory.reserve(Fixtures.priced123()).reserved()).isTrue();
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).isEqualTo(48);
        assertThat(Fixtures.stored(dynamoDb, "order-123").status()).isEqualTo(OrderTable.RESERVED);
    }

    @Test
    void aShortLineTakesNothing() {
        PricedOrder order = PricedOrder.priced(new Order("order-9", "c", List.of()), List.of(
                new PricedOrder.Line("prod-001", "Widget", 5, new BigDecimal("1000")),
                new PricedOrder.Line("prod-003", "Industrial Robot", 4, new BigDecimal("480000"))));

        Reservation reservation = inventory.reserve(order);

        assertThat(reservation.outcome()).isEqualTo(Reservation.SHORT);
        assertThat(reservation.problems()).containsExactly("prod-003: 4 ordered, 3 in stock");
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).as("the widgets taken first are put back").isEqualTo(50);
        assertThat(orders.find("order-9")).isEmpty();
    }

    @Test
    void aClosedOrderIdIsNotReservedAgain() {
        inventory.reserve(Fixtures.priced123());
        orders.cancel("order-123", "bob", "rejected by bob", new ProductTable(dynamoDb, Fixtures.PRODUCTS));

        Reservation again = inventory.reserve(Fixtures.priced123());

        assertThat(again.outcome()).isEqualTo(Reservation.CLOSED);
        assertThat(again.problems().get(0)).startsWith("orderId:").contains("CANCELLED");
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).isEqualTo(50);
    }

    @Test
    void statusesOnlyMoveForwards() {
        inventory.reserve(Fixtures.priced123());
        orders.awaitApproval("order-123", "cb-1");
        orders.complete("order-123", "pay_1", "alice");

        OrderTable.StoredOrder after = orders.cancel("order-123", null, "late timeout",
                new ProductTable(dynamoDb, Fixtures.PRODUCTS));

        assertThat(after.status()).as("a completed order is never cancelled").isEqualTo(OrderTable.COMPLETED);
        assertThat(Fixtures.stockOf(dynamoDb, "prod-001")).as("sold stock is not put back").isEqualTo(48);
        assertThat(orders.complete("order-123", "pay_1", "alice").status()).isEqualTo(OrderTable.COMPLETED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> orders.awaitApproval("order-123", "cb-2"))
                .hasMessageContaining("COMPLETED");
    }
}
