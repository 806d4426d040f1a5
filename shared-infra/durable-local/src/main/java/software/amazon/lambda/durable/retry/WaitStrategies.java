package software.amazon.lambda.durable.retry;

import java.time.Duration;
import software.amazon.lambda.durable.exception.WaitForConditionFailedException;

/**
 * Ready-made wait strategies for {@code waitForCondition}. When the last allowed check did not meet the condition,
 * they throw {@link WaitForConditionFailedException}, which fails the operation.
 */
public final class WaitStrategies {

    public static class Presets {
        /** 60 checks in all; delays from 5 s growing 1.5x up to 300 s, with full jitter. */
        @SuppressWarnings("rawtypes")
        public static final WaitForConditionWaitStrategy DEFAULT =
                exponentialBackoff(60, Duration.ofSeconds(5), Duration.ofSeconds(300), 1.5, JitterStrategy.FULL);
    }

    @SuppressWarnings("unchecked")
    public static <T> WaitForConditionWaitStrategy<T> defaultStrategy() {
        return Presets.DEFAULT;
    }

    /**
     * Delay after check n: min(initialDelay * backoffRate^(n-1), maxDelay), then jitter; whole seconds, at least 1.
     *
     * @param maxAttempts checks in all, the first one included
     */
    public static <T> WaitForConditionWaitStrategy<T> exponentialBackoff(int maxAttempts, Duration initialDelay,
            Duration maxDelay, double backoffRate, JitterStrategy jitter) {
        Delays.requirePositive(maxAttempts, "maxAttempts");
        Delays.requirePositive(initialDelay, "initialDelay");
        Delays.requirePositive(maxDelay, "maxDelay");
        if (backoffRate < 1.0) {
            throw new IllegalArgumentException("backoffRate must be at least 1.0, got: " + backoffRate);
        }
        Delays.requireNonNull(jitter, "jitter");
        return (state, attempt) -> {
            failWhenExhausted(attempt, maxAttempts);
            return Delays.exponential(initialDelay, maxDelay, backoffRate, attempt - 1, jitter);
        };
    }

    /** The same delay after every check. */
    public static <T> WaitForConditionWaitStrategy<T> fixedDelay(int maxAttempts, Duration fixedDelay) {
        Delays.requirePositive(maxAttempts, "maxAttempts");
        Delays.requirePositive(fixedDelay, "fixedDelay");
        return (state, attempt) -> {
            failWhenExhausted(attempt, maxAttempts);
            return fixedDelay;
        };
    }

    private static void failWhenExhausted(int attempt, int maxAttempts) {
        if (attempt >= maxAttempts) {
            throw new WaitForConditionFailedException(
                    "waitForCondition exceeded maximum attempts (" + maxAttempts + ")");
        }
    }
}
