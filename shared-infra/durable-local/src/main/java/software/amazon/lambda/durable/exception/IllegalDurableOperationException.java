package software.amazon.lambda.durable.exception;

/** A durable operation was used where it is not allowed, e.g. started from inside a step. */
public class IllegalDurableOperationException extends UnrecoverableDurableExecutionException {
    public IllegalDurableOperationException(String message) {
        super(OperationErrors.errorObject(IllegalDurableOperationException.class, message));
    }
}
