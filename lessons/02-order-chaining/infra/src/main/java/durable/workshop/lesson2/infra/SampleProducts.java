package durable.workshop.lesson2.infra;

import java.util.List;
import java.util.Map;

/** The ProductCatalog items the stack loads at deploy time (the same three the lesson's tests use). */
final class SampleProducts {

    record Product(String productId, String name, String price, int stockLevel, String warehouseLocation) {

        /** The item in DynamoDB's attribute-value form, as the BatchWriteItem API takes it. */
        Map<String, Object> item() {
            return Map.of(
                    "productId", Map.of("S", productId),
                    "name", Map.of("S", name),
                    "price", Map.of("N", price),
                    "stockLevel", Map.of("N", Integer.toString(stockLevel)),
                    "warehouseLocation", Map.of("S", warehouseLocation));
        }
    }

    static final List<Product> ALL = List.of(
            new Product("LAPTOP-001", "Gaming Laptop", "1299.99", 50, "WAREHOUSE-A"),
            new Product("MOUSE-001", "Wireless Mouse", "29.99", 200, "WAREHOUSE-A"),
            new Product("KEYBOARD-001", "Mechanical Keyboard", "149.99", 20, "WAREHOUSE-B"));

    private SampleProducts() {
    }
}
