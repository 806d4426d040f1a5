package software.amazon.lambda.durable.exception;

/**
 * On replay the code asked for a different operation than the one checkpointed at that point. The message names
 * both; code outside steps must run the same way on every invocation.
 */
public class NonDeterministicExecutionException extends UnrecoverableDurableExecutionException {
    public NonDeterministicExecutionException(String message) {
        super(OperationErrors.errorObject(NonDeterministicExecutionException.class, message));
    }
}
