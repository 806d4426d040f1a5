package durable.workshop.lesson3;

/** The products cannot be reserved: nothing was taken, nothing was charged. */
public class OutOfStockException extends RuntimeException {

    public OutOfStockException(String message) {
        super(message);
    }
}
