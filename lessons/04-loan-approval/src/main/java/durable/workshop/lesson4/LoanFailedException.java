package durable.workshop.lesson4;

/** The application cannot be decided; the message says why. Its subclasses name the reason. */
public class LoanFailedException extends RuntimeException {

    public LoanFailedException(String message) {
        super(message);
    }
}
