package durable.workshop.lesson3;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The product table (partition key productId): name, price in yen and stock. */
public class ProductTable {

    /** One product. */
    public record Product(String productId, String name, BigDecimal price, int stock) {
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ProductTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The product, or empty when there is none. A strongly consistent read: prices are money. */
    public Optional<Product> find(String productId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(productId))
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("price")) {
            return Optional.empty();
        }
        return Optional.of(new Product(productId, item.containsKey("name") ? item.get("name").s() : productId,
                new BigDecimal(item.get("price").n()),
                item.containsKey("stock") ? Integer.parseInt(item.get("stock").n()) : 0));
    }

    /** Takes {@code quantity} units if that many are in stock (a conditional update); false when not. */
    public boolean take(String productId, int quantity) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(productId))
                    .updateExpression("SET stock = stock - :q")
                    .conditionExpression("attribute_exists(productId) AND stock >= :q")
                    .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(quantity)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Puts units back. */
    public void putBack(String productId, int quantity) {
        dynamoDb.updateItem(r -> r.tableName(tableName).key(key(productId))
                .updateExpression("ADD stock :q")
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(quantity)))));
    }

    private static Map<String, AttributeValue> key(String productId) {
        return Map.of("productId", AttributeValue.fromS(productId));
    }
}
