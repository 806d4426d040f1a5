package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The inventory worker's input: reserve these quantities for this order, all of them or none. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryRequest(String orderId, List<Order.Item> items) {
}
