package durable.workshop.lesson2;

import java.math.BigDecimal;

/** The payment gateway said no. Nothing was held on the card; nothing else was done for the order. */
public class PaymentDeclinedException extends OrderFailedException {

    public PaymentDeclinedException(String orderId, BigDecimal amount, String reason) {
        super(subject(orderId) + ": the payment of " + amount.toPlainString() + " " + PricedOrder.CURRENCY
                + " was declined (" + (reason == null ? "no reason given" : reason) + ")."
                + " Nothing was charged; use another payment method or split the order.");
    }
}
