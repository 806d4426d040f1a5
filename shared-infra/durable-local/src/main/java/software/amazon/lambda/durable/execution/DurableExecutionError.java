package software.amazon.lambda.durable.execution;

/**
 * Control-flow signal of the SDK. It is an {@link Error}, not an exception, so that a {@code catch (Exception e)}
 * in handler code cannot swallow it. User code should neither throw nor catch it.
 */
public class DurableExecutionError extends Error {
    protected DurableExecutionError(String message) {
        super(message);
    }
}
