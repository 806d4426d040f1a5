package durable.workshop.lesson3;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a customer submits: products and quantities only. Prices come from the product table, never from here,
 * so a client cannot choose what it pays.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String orderId, String customerId, List<Item> items) {

    /** One order line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String productId, Integer quantity) {
    }
}
