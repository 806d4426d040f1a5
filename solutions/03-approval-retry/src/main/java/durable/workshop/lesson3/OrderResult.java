package durable.workshop.lesson3;

import java.math.BigDecimal;

/**
 * How the order ended. A cancelled order is a normal ending (the workflow decided it), so the execution
 * SUCCEEDS with status CANCELLED and the reason; only bad input or missing stock fails the execution.
 */
public record OrderResult(String orderId, String status, BigDecimal amount, String currency, String paymentId,
                          String approver, String reason) {

    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";

    public static OrderResult completed(PricedOrder order, String paymentId, String approver) {
        return new OrderResult(order.orderId(), COMPLETED, order.amount(), PricedOrder.CURRENCY, paymentId,
                approver, null);
    }

    public static OrderResult cancelled(PricedOrder order, String approver, String reason) {
        return new OrderResult(order.orderId(), CANCELLED, order.amount(), PricedOrder.CURRENCY, null, approver,
                reason);
    }
}
