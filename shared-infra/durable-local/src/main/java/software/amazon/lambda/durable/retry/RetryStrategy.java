package software.amazon.lambda.durable.retry;

/** Decides, after a failed attempt, whether to try again and after how long. */
@FunctionalInterface
public interface RetryStrategy {
    /**
     * @param error what the attempt threw
     * @param attempt the number of the attempt that failed, starting at 1
     */
    RetryDecision makeRetryDecision(Throwable error, int attempt);
}
