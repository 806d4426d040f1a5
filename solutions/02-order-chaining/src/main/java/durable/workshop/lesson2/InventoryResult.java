package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The inventory worker's answer: ALLOCATED with the reservation and where each product ships from, or
 * INSUFFICIENT with the product that is short. Nothing is reserved when the answer is INSUFFICIENT.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryResult(String status, String reservationId, List<Allocation> allocations,
                              List<Shortage> shortages) {

    public static final String ALLOCATED = "ALLOCATED";
    public static final String INSUFFICIENT = "INSUFFICIENT";

    public InventoryResult {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
    }

    @JsonIgnore
    public boolean allocated() {
        return ALLOCATED.equals(status);
    }

    /** A reserved quantity of one product and the warehouse it ships from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(String productId, int quantity, String warehouseLocation) {
    }

    /** A product the warehouse cannot supply: how many were asked for and how many are in stock. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shortage(String productId, int requested, int available) {
    }
}
