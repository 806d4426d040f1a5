package durable.workshop.lesson3;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The order table (partition key orderId): where an approver finds an order waiting for approval and its
 * callback id. Every status change is a conditional write from the statuses it may come from, so a replayed or
 * retried step can never move an order backwards:
 *
 * <pre>
 *   RESERVED -> AWAITING_APPROVAL -> COMPLETED
 *        \              \
 *         +--------------+-> CANCELLED
 * </pre>
 */
public class OrderTable {

    public static final String RESERVED = "RESERVED";
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String COMPLETED = OrderResult.COMPLETED;
    public static final String CANCELLED = OrderResult.CANCELLED;

    /** One stored order, as an approver or a test reads it. */
    public record StoredOrder(String orderId, String status, BigDecimal amount, String callbackId,
                              String approver, String reason, String paymentId, boolean stockHeld,
                              Map<String, Integer> items) {
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OrderTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public Optional<StoredOrder> find(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(orderId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> items = new HashMap<>();
        if (item.containsKey("items")) {
            item.get("items").m().forEach((id, qty) -> items.put(id, Integer.parseInt(qty.n())));
        }
        return Optional.of(new StoredOrder(orderId, text(item, "status"),
                item.containsKey("amount") ? new BigDecimal(item.get("amount").n()) : null,
                text(item, "callbackId"), text(item, "approver"), text(item, "reason"), text(item, "paymentId"),
                item.containsKey("stockHeld") && Boolean.TRUE.equals(item.get("stockHeld").bool()), items));
    }

    /** Records a new order whose stock is held; false when the order id is already there. */
    public boolean createReserved(PricedOrder order) {
        Map<String, AttributeValue> items = new HashMap<>();
        for (PricedOrder.Line line : order.lines()) {
            items.merge(line.productId(), AttributeValue.fromN(Integer.toString(line.quantity())),
                    (a, b) -> AttributeValue.fromN(Integer.toString(Integer.parseInt(a.n()) + Integer.parseInt(b.n()))));
        }
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(Map.of(
                            "orderId", AttributeValue.fromS(order.orderId()),
                            "status", AttributeValue.fromS(RESERVED),
                            "customerId", AttributeValue.fromS(order.customerId()),
                            "amount", AttributeValue.fromN(order.amount().toPlainString()),
                            "items", AttributeValue.fromM(items),
                            "stockHeld", AttributeValue.fromBool(true)))
                    .conditionExpression("attribute_not_exists(orderId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Stores the callback id with the order and marks it AWAITING_APPROVAL, so an approver can find it.
     * Allowed from RESERVED, and again from AWAITING_APPROVAL (a retried submitter writes the same id).
     */
    public void awaitApproval(String orderId, String callbackId) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(orderId))
                    .updateExpression("SET #s = :to, callbackId = :cb")
                    .conditionExpression("#s IN (:reserved, :to)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":to", AttributeValue.fromS(AWAITING_APPROVAL),
                            ":reserved", AttributeValue.fromS(RESERVED),
                            ":cb", AttributeValue.fromS(callbackId))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Order " + orderId + " is " + statusOf(orderId)
                    + " and cannot wait for approval; status changes only go forwards.");
        }
    }

    /**
     * Cancels the order and lets go of its stock, once: the conditional write that sets CANCELLED also clears
     * stockHeld, and only the call that made that change puts the units back. A completed order is never
     * cancelled. Returns the order as it is afterwards.
     */
    public StoredOrder cancel(String orderId, String approver, String reason, ProductTable products) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":to", AttributeValue.fromS(CANCELLED),
                ":reserved", AttributeValue.fromS(RESERVED),
                ":waiting", AttributeValue.fromS(AWAITING_APPROVAL),
                ":held", AttributeValue.fromBool(true),
                ":released", AttributeValue.fromBool(false),
                ":reason", AttributeValue.fromS(reason)));
        String update = "SET #s = :to, stockHeld = :released, reason = :reason";
        if (approver != null) {
            values.put(":approver", AttributeValue.fromS(approver));
            update += ", approver = :approver";
        }
        String expression = update;
        try {
            Map<String, AttributeValue> before = dynamoDb.updateItem(r -> r.tableName(tableName).key(key(orderId))
                    .updateExpression(expression)
                    .conditionExpression("#s IN (:reserved, :waiting) AND stockHeld = :held")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            // This call cancelled it: put back exactly what the order held. (A crash between the two writes
            // leaves units out of stock, never sold twice; TransactWriteItems would close even that gap.)
            before.get("items").m().forEach((productId, qty) -> products.putBack(productId, Integer.parseInt(qty.n())));
        } catch (ConditionalCheckFailedException e) {
            // Already cancelled by an earlier attempt, or completed: nothing to undo, and never backwards.
        }
        return find(orderId).orElseThrow(() -> new IllegalStateException("Order " + orderId + " does not exist"));
    }

    /** Marks the paid order COMPLETED (its stock is sold). Idempotent: completing it again changes nothing. */
    public StoredOrder complete(String orderId, String paymentId, String approver) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(orderId))
                    .updateExpression("SET #s = :to, paymentId = :pid, approver = :approver, stockHeld = :sold")
                    .conditionExpression("#s = :waiting")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":to", AttributeValue.fromS(COMPLETED),
                            ":waiting", AttributeValue.fromS(AWAITING_APPROVAL),
                            ":pid", AttributeValue.fromS(paymentId),
                            ":approver", AttributeValue.fromS(approver),
                            ":sold", AttributeValue.fromBool(false))));
        } catch (ConditionalCheckFailedException e) {
            StoredOrder now = find(orderId).orElse(null);
            if (now == null || !COMPLETED.equals(now.status())) {
                throw new IllegalStateException("Order " + orderId + " is " + (now == null ? "missing" : now.status())
                        + " and cannot be completed; status changes only go forwards.");
            }
        }
        return find(orderId).orElseThrow();
    }

    private String statusOf(String orderId) {
        return find(orderId).map(StoredOrder::status).orElse("missing");
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("orderId", AttributeValue.fromS(orderId));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
