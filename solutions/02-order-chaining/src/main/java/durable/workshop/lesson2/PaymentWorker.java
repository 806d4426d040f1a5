package durable.workshop.lesson2;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;

/**
 * A plain Lambda function standing in for a payment gateway. AUTHORIZE holds an amount (and declines anything
 * over the limit); RELEASE voids an authorization. It keeps no state: the authorization id is derived from the
 * order id, so asking twice for the same order gives the same authorization, never a second one.
 */
public class PaymentWorker implements RequestHandler<PaymentRequest, PaymentResult> {

    /** The simulated gateway declines any single authorization above this amount. */
    public static final BigDecimal LIMIT = new BigDecimal("10000.00");

    @Override
    public PaymentResult handleRequest(PaymentRequest request, Context context) {
        if (request == null || request.action() == null) {
            throw new IllegalArgumentException("action: missing - use " + PaymentRequest.AUTHORIZE + " or "
                    + PaymentRequest.RELEASE);
        }
        PaymentResult result = switch (request.action()) {
            case PaymentRequest.AUTHORIZE -> authorize(request);
            case PaymentRequest.RELEASE -> release(request);
            default -> throw new IllegalArgumentException("action: '" + request.action() + "' is unknown - use "
                    + PaymentRequest.AUTHORIZE + " or " + PaymentRequest.RELEASE);
        };
        if (context != null) {
            context.getLogger().log(request.action() + " " + request.orderId() + " -> " + result.status());
        }
        return result;
    }

    /** The id the gateway gives the authorization of this order. */
    public static String authorizationId(String orderId) {
        return "AUTH-" + Ids.hex("authorization", orderId, 12);
    }

    private static PaymentResult authorize(PaymentRequest request) {
        requireText(request.orderId(), "orderId");
        BigDecimal amount = request.amount();
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount: " + (amount == null ? "missing" : amount.toPlainString())
                    + " - give the order total, a positive number");
        }
        if (request.paymentMethod() == null) {
            throw new IllegalArgumentException("paymentMethod: missing");
        }
        requireText(request.paymentMethod().cardToken(), "paymentMethod.cardToken");
        if (amount.compareTo(LIMIT) > 0) {
            return new PaymentResult(PaymentResult.DECLINED, null, amount, "amount " + amount.toPlainString()
                    + " USD is over the " + LIMIT.toPlainString() + " USD limit for one authorization");
        }
        return new PaymentResult(PaymentResult.AUTHORIZED, authorizationId(request.orderId()), amount, null);
    }

    private static PaymentResult release(PaymentRequest request) {
        requireText(request.orderId(), "orderId");
        requireText(request.authorizationId(), "authorizationId");
        if (!authorizationId(request.orderId()).equals(request.authorizationId())) {
            throw new IllegalArgumentException("authorizationId: " + request.authorizationId()
                    + " was not issued for order " + request.orderId());
        }
        // Voiding twice is harmless: the second release finds nothing held and says so in the same way.
        return new PaymentResult(PaymentResult.RELEASED, request.authorizationId(), null, null);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": missing");
        }
    }
}
