package durable.workshop.lesson3;

/** The gateway refused the charge (HTTP 4xx other than 429): asking again gives the same answer. */
public class PaymentDeclinedException extends PaymentException {

    public PaymentDeclinedException(String message) {
        super(message);
    }
}
