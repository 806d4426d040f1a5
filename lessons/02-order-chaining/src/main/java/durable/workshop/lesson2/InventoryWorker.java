package durable.workshop.lesson2;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A plain Lambda function that reserves stock in the ProductCatalog table: all items of the order or none.
 *
 * <p>Each item is taken with a conditional update ({@code stockLevel >= :qty}), so two orders can never take the
 * same last units. When one item is short, the items already taken are put back. The finished reservation is
 * recorded under the key {@code reservation#<orderId>} with a conditional put, which makes a repeated request
 * for the same order return the first reservation instead of taking stock twice.
 *
 * <p>Production code would do the stock updates and the reservation record in one {@code TransactWriteItems}
 * call (all or nothing, with an idempotency token). The local DynamoDB the tests use has no transactions, so
 * this worker reserves item by item and rolls back by hand.
 */
public class InventoryWorker implements RequestHandler<InventoryRequest, InventoryResult> {

    static final String RESERVATION_PREFIX = "reservation#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    /** Lambda uses this constructor: the table name comes from CATALOG_TABLE. */
    public InventoryWorker() {
        this(AwsClients.dynamoDb(), catalogTableFromEnvironment());
    }

    /** Tests pass a client for the local table. */
    public InventoryWorker(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public InventoryResult handleRequest(InventoryRequest request, Context context) {
        check(request);
        Optional<InventoryResult> earlier = findReservation(request.orderId());
        if (earlier.isPresent()) {
            log(context, "reservation for " + request.orderId() + " already made; returning it");
            return earlier.get();
        }
        List<InventoryResult.Allocation> taken = new ArrayList<>();
        try {
            for (Order.Item item : request.items()) {
                Optional<InventoryResult.Allocation> allocation = take(item);
                if (allocation.isEmpty()) {
                    putBack(taken);
                    InventoryResult.Shortage shortage =
                            new InventoryResult.Shortage(item.productId(), item.quantity(), stockOf(item.productId()));
                    log(context, request.orderId() + ": not enough " + item.productId());
                    return new InventoryResult(InventoryResult.INSUFFICIENT, null, List.of(), List.of(shortage));
                }
                taken.add(allocation.get());
            }
        } catch (RuntimeException e) {
            // DynamoDB failed part-way (throttling, timeout): leave the stock as it was and let Lambda report it.
            putBack(taken);
            throw e;
        }
        InventoryResult reserved = new InventoryResult(InventoryResult.ALLOCATED, reservationId(request.orderId()),
                taken, List.of());
        if (!recordReservation(request.orderId(), reserved)) {
            // Another attempt for the same order got there first: give our units back and return its reservation.
            putBack(taken);
            return findReservation(request.orderId()).orElseThrow();
        }
        log(context, request.orderId() + ": reserved " + taken.size() + " product(s)");
        return reserved;
    }

    /** The reservation id of this order. */
    public static String reservationId(String orderId) {
        return "RES-" + Ids.hex("reservation", orderId, 12);
    }

    /** Takes the quantity if the stock allows it; empty when it does not (or the product does not exist). */
    private Optional<InventoryResult.Allocation> take(Order.Item item) {
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(key(item.productId()))
                    .updateExpression("SET stockLevel = stockLevel - :qty")
                    .conditionExpression("attribute_exists(productId) AND stockLevel >= :qty")
                    .expressionAttributeValues(Map.of(":qty", number(item.quantity())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            AttributeValue warehouse = after.get("warehouseLocation");
            return Optional.of(new InventoryResult.Allocation(item.productId(), item.quantity(),
                    warehouse == null ? null : warehouse.s()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private void putBack(List<InventoryResult.Allocation> taken) {
        for (InventoryResult.Allocation allocation : taken) {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(key(allocation.productId()))
                    .updateExpression("ADD stockLevel :qty")
                    .expressionAttributeValues(Map.of(":qty", number(allocation.quantity()))));
        }
    }

    private int stockOf(String productId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(key(productId)).consistentRead(true)).item();
        AttributeValue stock = item == null ? null : item.get("stockLevel");
        return stock == null ? 0 : Integer.parseInt(stock.n());
    }

    /** Writes the reservation record unless one exists; false when another attempt already wrote it. */
    private boolean recordReservation(String orderId, InventoryResult reserved) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(Map.of(
                            "productId", AttributeValue.fromS(RESERVATION_PREFIX + orderId),
                            "orderId", AttributeValue.fromS(orderId),
                            "reservationId", AttributeValue.fromS(reserved.reservationId()),
                            "allocations", AttributeValue.fromS(WorkerJson.write(reserved.allocations()))))
                    .conditionExpression("attribute_not_exists(productId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<InventoryResult> findReservation(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(key(RESERVATION_PREFIX + orderId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<InventoryResult.Allocation> allocations = WorkerJson.MAPPER.readValue(item.get("allocations").s(),
                    new TypeReference<List<InventoryResult.Allocation>>() { });
            return Optional.of(new InventoryResult(InventoryResult.ALLOCATED, item.get("reservationId").s(),
                    allocations, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reservation record of " + orderId + " is damaged: " + e.getMessage(), e);
        }
    }

    private static void check(InventoryRequest request) {
        if (request == null || request.orderId() == null || request.orderId().isBlank()) {
            throw new IllegalArgumentException("orderId: missing");
        }
        if (request.items() == null || request.items().isEmpty()) {
            throw new IllegalArgumentException("items: nothing to reserve");
        }
        for (int i = 0; i < request.items().size(); i++) {
            Order.Item item = request.items().get(i);
            if (item == null || item.productId() == null || item.productId().isBlank()) {
                throw new IllegalArgumentException("items[" + i + "].productId: missing");
            }
            if (item.quantity() == null || item.quantity() < 1) {
                throw new IllegalArgumentException("items[" + i + "].quantity: must be 1 or more");
            }
        }
    }

    private static Map<String, AttributeValue> key(String productId) {
        return Map.of("productId", AttributeValue.fromS(productId));
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static void log(Context context, String message) {
        if (context != null) {
            context.getLogger().log(message);
        }
    }

    private static String catalogTableFromEnvironment() {
        String table = System.getenv(OrderConfig.CATALOG_TABLE);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException(OrderConfig.CATALOG_TABLE
                    + " is not set; it must hold the name of the ProductCatalog table (the lesson's CDK app sets it)");
        }
        return table;
    }
}
