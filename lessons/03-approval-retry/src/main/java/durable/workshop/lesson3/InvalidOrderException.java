package durable.workshop.lesson3;

import java.util.List;

/** The order itself is wrong; the message names every field at fault. Fix the order and submit it again. */
public class InvalidOrderException extends RuntimeException {

    public InvalidOrderException(String message) {
        super(message);
    }

    public static InvalidOrderException of(String orderId, List<String> problems) {
        String subject = orderId == null || orderId.isBlank() ? "The order" : "Order " + orderId;
        return new InvalidOrderException(subject + " is invalid: " + String.join(" | ", problems));
    }
}
