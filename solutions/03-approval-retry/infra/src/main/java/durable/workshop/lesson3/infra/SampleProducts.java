package durable.workshop.lesson3.infra;

import java.util.List;
import java.util.Map;

/** The product table's items the stack loads at deploy time (the same three the lesson's tests use). */
final class SampleProducts {

    record Product(String productId, String name, String price, int stock) {

        /** The item in DynamoDB's attribute-value form, as the BatchWriteItem API takes it. */
        Map<String, Object> item() {
            return Map.of(
                    "productId", Map.of("S", productId),
                    "name", Map.of("S", name),
                    "price", Map.of("N", price),
                    "stock", Map.of("N", Integer.toString(stock)));
        }
    }

    static final List<Product> ALL = List.of(
            new Product("prod-001", "Widget", "1000", 50),
            new Product("prod-002", "Gadget", "2500", 20),
            new Product("prod-003", "Industrial Robot", "480000", 3));

    private SampleProducts() {
    }
}
