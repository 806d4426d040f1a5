package durable.workshop.lesson2;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads products from the ProductCatalog table (partition key productId). */
public class ProductCatalog {

    /** One catalog entry. */
    public record Product(String productId, String name, BigDecimal price, int stockLevel, String warehouseLocation) {
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ProductCatalog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The product, or empty when the catalog has no such id. A strongly consistent read: prices are money. */
    public Optional<Product> find(String productId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("productId", AttributeValue.fromS(productId)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey("price")) {
            return Optional.empty();
        }
        return Optional.of(new Product(
                productId,
                text(item, "name"),
                new BigDecimal(item.get("price").n()),
                item.containsKey("stockLevel") ? Integer.parseInt(item.get("stockLevel").n()) : 0,
                text(item, "warehouseLocation")));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
