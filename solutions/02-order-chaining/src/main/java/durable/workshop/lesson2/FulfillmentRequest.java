package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The fulfilment worker's input: ship the reserved items of this order to this address. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FulfillmentRequest(String orderId, String customerId, Order.Address shippingAddress,
                                 List<InventoryResult.Allocation> allocations) {
}
