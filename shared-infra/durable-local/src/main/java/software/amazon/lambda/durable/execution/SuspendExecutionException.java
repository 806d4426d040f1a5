package software.amazon.lambda.durable.execution;

/**
 * Thrown inside the handler to end the current invocation while the execution waits (a timer, a callback,
 * a chained invoke, a retry delay). The execution resumes in a later invocation by replaying from the top.
 */
public class SuspendExecutionException extends DurableExecutionError {
    public SuspendExecutionException() {
        super("The execution is suspended until a pending durable operation completes");
    }
}
