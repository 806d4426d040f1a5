package durable.workshop.lesson2;

import java.util.ArrayList;
import java.util.List;

/** The order itself is wrong: the message lists every problem with the field it is about. Fix the order and resubmit. */
public class InvalidOrderException extends OrderFailedException {

    public InvalidOrderException(String orderId, List<String> problems) {
        super(subject(orderId) + " is invalid: " + String.join(" | ", problems));
    }

    /** The order names products the catalog does not have. */
    public static InvalidOrderException unknownProducts(Order order, List<String> productIds) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < order.items().size(); i++) {
            String productId = order.items().get(i).productId();
            if (productIds.contains(productId)) {
                problems.add("items[" + i + "].productId: " + productId + " is not in the product catalog");
            }
        }
        return new InvalidOrderException(order.orderId(), problems);
    }
}
