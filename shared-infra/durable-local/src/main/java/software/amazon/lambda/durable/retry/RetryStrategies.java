package software.amazon.lambda.durable.retry;

import java.time.Duration;

/** Ready-made retry strategies for steps and {@code withRetry}. Delays are whole seconds, at least one. */
public class RetryStrategies {

    public static class Presets {
        /** 6 attempts in all; delays from 5 s doubling up to 60 s, with full jitter. */
        public static final RetryStrategy DEFAULT =
                exponentialBackoff(6, Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, JitterStrategy.FULL);

        /** 6 attempts in all; delays of 1, 2, 3, 4 and 5 s. */
        public static final RetryStrategy LINEAR = linearBackoff(6, Duration.ofSeconds(1), Duration.ofSeconds(1));

        /** A single attempt: the first failure is final. */
        public static final RetryStrategy NO_RETRY = (error, attempt) -> RetryDecision.fail();
    }

    /**
     * Delay after attempt n: min(initialDelay * backoffRate^(n-1), maxDelay), then jitter.
     *
     * @param maxAttempts attempts in all, the first one included
     */
    public static RetryStrategy exponentialBackoff(int maxAttempts, Duration initialDelay, Duration maxDelay,
            double backoffRate, JitterStrategy jitter) {
        Delays.requirePositive(maxAttempts, "maxAttempts");
        Delays.requirePositive(initialDelay, "initialDelay");
        Delays.requirePositive(maxDelay, "maxDelay");
        if (backoffRate <= 0) {
            throw new IllegalArgumentException("backoffRate must be positive, got: " + backoffRate);
        }
        Delays.requireNonNull(jitter, "jitter");
        return (error, attempt) -> attempt >= maxAttempts
                ? RetryDecision.fail()
                : RetryDecision.retry(Delays.exponential(initialDelay, maxDelay, backoffRate, attempt - 1, jitter));
    }

    /** Delay after attempt n: initialDelay + increment * (n-1). */
    public static RetryStrategy linearBackoff(int maxAttempts, Duration initialDelay, Duration increment) {
        Delays.requirePositive(maxAttempts, "maxAttempts");
        Delays.requirePositive(initialDelay, "initialDelay");
        Delays.requireNotNegative(increment, "increment");
        return (error, attempt) -> attempt >= maxAttempts
                ? RetryDecision.fail()
                : RetryDecision.retry(initialDelay.plus(increment.multipliedBy(attempt - 1L)));
    }

    /** Delay after attempt n: min(initialDelay + increment * (n-1), maxDelay), then jitter. */
    public static RetryStrategy linearBackoff(int maxAttempts, Duration initialDelay, Duration increment,
            Duration maxDelay, JitterStrategy jitter) {
        Delays.requirePositive(maxAttempts, "maxAttempts");
        Delays.requirePositive(initialDelay, "initialDelay");
        Delays.requireNotNegative(increment, "increment");
        Delays.requirePositive(maxDelay, "maxDelay");
        Delays.requireNonNull(jitter, "jitter");
        return (error, attempt) -> {
            if (attempt >= maxAttempts) {
                return RetryDecision.fail();
            }
            Duration linear = initialDelay.plus(increment.multipliedBy(attempt - 1L));
            double capped = Math.min(Delays.seconds(linear), Delays.seconds(maxDelay));
            return RetryDecision.retry(Delays.wholeSeconds(jitter.apply(capped)));
        };
    }

    /** The same delay after every failed attempt. */
    public static RetryStrategy fixedDelay(int maxAttempts, Duration fixedDelay) {
        Delays.requirePositive(maxAttempts, "maxAttempts");
        Delays.requireNotNegative(fixedDelay, "fixedDelay");
        return (error, attempt) -> attempt >= maxAttempts ? RetryDecision.fail() : RetryDecision.retry(fixedDelay);
    }
}
