package software.amazon.lambda.durable.retry;

import java.time.Duration;

/** A retry strategy's answer: retry after a delay, or give up. */
public class RetryDecision {
    private static final RetryDecision FAIL = new RetryDecision(false, Duration.ZERO);

    private final boolean shouldRetry;
    private final Duration delay;

    private RetryDecision(boolean shouldRetry, Duration delay) {
        this.shouldRetry = shouldRetry;
        this.delay = delay;
    }

    /** @throws IllegalArgumentException when the delay is null or negative */
    public static RetryDecision retry(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("RetryDecision.retry: delay must be zero or positive, got: " + delay);
        }
        return new RetryDecision(true, delay);
    }

    public static RetryDecision fail() {
        return FAIL;
    }

    public boolean shouldRetry() {
        return shouldRetry;
    }

    /** @return the delay before the next attempt; zero when the decision is to fail */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return shouldRetry ? "RetryDecision{retry after " + delay + "}" : "RetryDecision{fail}";
    }
}
