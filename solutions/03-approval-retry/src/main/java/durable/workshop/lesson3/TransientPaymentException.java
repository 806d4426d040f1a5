package durable.workshop.lesson3;

/**
 * The gateway could not answer this time: HTTP 5xx, 429 (too many requests), a timeout or a broken connection.
 * The same request, with the same idempotency key, may well succeed a little later.
 */
public class TransientPaymentException extends PaymentException {

    public TransientPaymentException(String message) {
        super(message);
    }

    public TransientPaymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
