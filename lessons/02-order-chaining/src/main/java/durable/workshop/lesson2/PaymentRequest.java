package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The payment worker's input. {@code action} is AUTHORIZE (hold the amount on the card) or RELEASE (void an
 * authorization, so no money stays held for an order that will not ship).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentRequest(String action, String orderId, String customerId, BigDecimal amount, String currency,
                             Order.PaymentMethod paymentMethod, String authorizationId) {

    public static final String AUTHORIZE = "AUTHORIZE";
    public static final String RELEASE = "RELEASE";

    /** Hold the order total on the customer's card. */
    public static PaymentRequest authorize(Order order, BigDecimal amount) {
        return new PaymentRequest(AUTHORIZE, order.orderId(), order.customerId(), amount, PricedOrder.CURRENCY,
                order.paymentMethod(), null);
    }

    /** Void an authorization made earlier for this order. */
    public static PaymentRequest release(String orderId, String authorizationId) {
        return new PaymentRequest(RELEASE, orderId, null, null, null, null, authorizationId);
    }
}
