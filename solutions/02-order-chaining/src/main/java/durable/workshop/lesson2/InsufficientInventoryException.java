package durable.workshop.lesson2;

import java.util.List;
import java.util.stream.Collectors;

/** The warehouse cannot supply the order. The payment authorization was released before this was thrown. */
public class InsufficientInventoryException extends OrderFailedException {

    public InsufficientInventoryException(String orderId, List<InventoryResult.Shortage> shortages,
                                          String releasedAuthorizationId) {
        super(subject(orderId) + " cannot be filled: "
                + shortages.stream()
                        .map(s -> s.productId() + " needs " + s.requested() + ", " + s.available() + " in stock")
                        .collect(Collectors.joining(", "))
                + ". Payment authorization " + releasedAuthorizationId + " was released, so no money is held;"
                + " lower the quantity or try again when stock is back.");
    }
}
