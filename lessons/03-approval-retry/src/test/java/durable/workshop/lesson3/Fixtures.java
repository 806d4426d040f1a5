package durable.workshop.lesson3;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tables, products, orders and settings the lesson's tests share. */
final class Fixtures {

    static final String ORDERS = "orders";
    static final String PRODUCTS = "products";
    static final String LEDGER = "payment-ledger";
    static final Duration APPROVAL_TIMEOUT = Duration.ofMinutes(45);

    private Fixtures() {
    }

    static OrderConfig config(URI gateway) {
        return new OrderConfig(ORDERS, PRODUCTS, gateway, APPROVAL_TIMEOUT);
    }

    /** A workflow against the local tables and a gateway stub at {@code gateway}. */
    static OrderWorkflow workflow(DynamoDbClient dynamoDb, URI gateway) {
        return new OrderWorkflow(config(gateway), dynamoDb, PaymentGateway.unsigned(gateway));
    }

    /** For stages that never call the gateway. */
    static OrderWorkflow workflow(DynamoDbClient dynamoDb) {
        return workflow(dynamoDb, URI.create("http://127.0.0.1:9"));
    }

    /** The sample products the stack loads too: prod-001 Widget 1000 yen (stock 50), and two more. */
    static void loadProducts(DynamoDbClient dynamoDb) {
        product(dynamoDb, "prod-001", "Widget", "1000", 50);
        product(dynamoDb, "prod-002", "Gadget", "2500", 20);
        product(dynamoDb, "prod-003", "Industrial Robot", "480000", 3);
    }

    static void product(DynamoDbClient dynamoDb, String id, String name, String price, int stock) {
        dynamoDb.putItem(r -> r.tableName(PRODUCTS).item(Map.of(
                "productId", AttributeValue.fromS(id),
                "name", AttributeValue.fromS(name),
                "price", AttributeValue.fromN(price),
                "stock", AttributeValue.fromN(Integer.toString(stock)))));
    }

    static int stockOf(DynamoDbClient dynamoDb, String productId) {
        return new ProductTable(dynamoDb, PRODUCTS).find(productId).orElseThrow().stock();
    }

    static OrderTable.StoredOrder stored(DynamoDbClient dynamoDb, String orderId) {
        return new OrderTable(dynamoDb, ORDERS).find(orderId).orElseThrow(() ->
                new AssertionError("order " + orderId + " is not in the order table"));
    }

    /** Seed 003's order: 2 x prod-001 (Widget, 1000 yen) = 2000 yen. */
    static Order order123() {
        return new Order("order-123", "customer-42", List.of(new Order.Item("prod-001", 2)));
    }

    /** One industrial robot, 480000 yen: over the sandbox gateway's limit. */
    static Order robotOrder() {
        return new Order("order-456", "customer-7", List.of(new Order.Item("prod-003", 1)));
    }

    static PricedOrder priced123() {
        return PricedOrder.priced(order123(),
                List.of(new PricedOrder.Line("prod-001", "Widget", 2, new BigDecimal("1000"))));
    }

    /** order-123 priced and its stock held, as the first two stages leave it. */
    static PricedOrder reserved123(DynamoDbClient dynamoDb) {
        PricedOrder priced = priced123();
        Reservation reservation = new Inventory(new ProductTable(dynamoDb, PRODUCTS), new OrderTable(dynamoDb, ORDERS))
                .reserve(priced);
        if (!reservation.reserved()) {
            throw new IllegalStateException("the fixture could not reserve order-123: " + reservation);
        }
        return priced;
    }

    static String approve(String approver) {
        return "{\"approved\":true,\"approver\":\"" + approver + "\",\"comment\":\"looks fine\"}";
    }

    static String reject(String approver, String comment) {
        return "{\"approved\":false,\"approver\":\"" + approver + "\",\"comment\":\"" + comment + "\"}";
    }
}
