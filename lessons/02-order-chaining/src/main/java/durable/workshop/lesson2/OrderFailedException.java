package durable.workshop.lesson2;

/**
 * An order that cannot go through. Thrown by the orchestrator (outside any step), it ends the durable execution
 * FAILED with this type and message as the execution's error, which is what a caller sees in
 * {@code get-durable-execution}. The subclasses name the reason; this class itself covers a worker that failed.
 */
public class OrderFailedException extends RuntimeException {

    public OrderFailedException(String message) {
        super(message);
    }

    /** "Order ORDER-001" or, for an order without an id, "The order". */
    static String subject(String orderId) {
        return orderId == null || orderId.isBlank() ? "The order" : "Order " + orderId;
    }
}
