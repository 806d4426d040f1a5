package durable.workshop.lesson3;

/** The payment gateway did not charge. Subclasses say whether trying again can help. */
public abstract class PaymentException extends RuntimeException {

    protected PaymentException(String message) {
        super(message);
    }

    protected PaymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
