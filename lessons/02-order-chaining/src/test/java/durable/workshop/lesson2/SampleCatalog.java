package durable.workshop.lesson2;

import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The three products every lesson 2 test starts with (the same ones the CDK app loads at deploy time). */
final class SampleCatalog {

    static final String TABLE = "ProductCatalog";

    private SampleCatalog() {
    }

    static void load(DynamoDbClient dynamoDb) {
        put(dynamoDb, "LAPTOP-001", "Gaming Laptop", "1299.99", 50, "WAREHOUSE-A");
        put(dynamoDb, "MOUSE-001", "Wireless Mouse", "29.99", 200, "WAREHOUSE-A");
        put(dynamoDb, "KEYBOARD-001", "Mechanical Keyboard", "149.99", 20, "WAREHOUSE-B");
    }

    static int stockOf(DynamoDbClient dynamoDb, String productId) {
        return Integer.parseInt(dynamoDb.getItem(r -> r.tableName(TABLE).consistentRead(true)
                .key(Map.of("productId", AttributeValue.fromS(productId)))).item().get("stockLevel").n());
    }

    static void setPrice(DynamoDbClient dynamoDb, String productId, String price) {
        dynamoDb.updateItem(r -> r.tableName(TABLE)
                .key(Map.of("productId", AttributeValue.fromS(productId)))
                .updateExpression("SET price = :price")
                .expressionAttributeValues(Map.of(":price", AttributeValue.fromN(new BigDecimal(price).toPlainString()))));
    }

    private static void put(DynamoDbClient dynamoDb, String id, String name, String price, int stock, String warehouse) {
        dynamoDb.putItem(r -> r.tableName(TABLE).item(Map.of(
                "productId", AttributeValue.fromS(id),
                "name", AttributeValue.fromS(name),
                "price", AttributeValue.fromN(price),
                "stockLevel", AttributeValue.fromN(Integer.toString(stock)),
                "warehouseLocation", AttributeValue.fromS(warehouse))));
    }
}
