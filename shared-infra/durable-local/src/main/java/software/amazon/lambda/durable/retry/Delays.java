package software.amazon.lambda.durable.retry;

import java.time.Duration;

/** Checks and arithmetic shared by the strategy factories. */
final class Delays {
    private Delays() {
    }

    static void requirePositive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got: " + value);
        }
    }

    static void requirePositive(Duration value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got: " + value);
        }
    }

    static void requireNotNegative(Duration value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, got: " + value);
        }
    }

    static void requireNonNull(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }

    static double seconds(Duration value) {
        return value.toMillis() / 1000.0;
    }

    /** Durable timers have a resolution of one second: round, and never wait less than a second. */
    static Duration wholeSeconds(double seconds) {
        return Duration.ofSeconds(Math.max(1, Math.round(seconds)));
    }

    /** initial * rate^exponent, capped at max, jittered, in whole seconds. */
    static Duration exponential(Duration initial, Duration max, double rate, int exponent, JitterStrategy jitter) {
        double base = Math.min(seconds(initial) * Math.pow(rate, exponent), seconds(max));
        return wholeSeconds(jitter.apply(base));
    }
}
