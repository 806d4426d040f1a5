package software.amazon.lambda.durable.retry;

import java.time.Duration;
import java.time.Instant;

/** Ready-made polling strategies. */
public class PollingStrategies {

    public static class Presets {
        /** From 1 s doubling, full jitter, at most 10 s. */
        public static final PollingStrategy DEFAULT =
                exponentialBackoff(Duration.ofSeconds(1), 2.0, JitterStrategy.FULL, Duration.ofSeconds(10));
    }

    /** Delay for attempt n (from 0): min(jitter(baseInterval * backoffRate^n), maxInterval). */
    public static PollingStrategy exponentialBackoff(Duration baseInterval, double backoffRate,
            JitterStrategy jitter, Duration maxInterval) {
        Delays.requirePositive(baseInterval, "baseInterval");
        Delays.requirePositive(maxInterval, "maxInterval");
        if (backoffRate <= 0) {
            throw new IllegalArgumentException("backoffRate must be positive, got: " + backoffRate);
        }
        Delays.requireNonNull(jitter, "jitter");
        return attempt -> {
            double millis = baseInterval.toMillis() * Math.pow(backoffRate, attempt);
            return Duration.ofMillis(Math.round(Math.min(jitter.apply(millis), maxInterval.toMillis())));
        };
    }

    public static PollingStrategy fixedDelay(Duration interval) {
        Delays.requirePositive(interval, "interval");
        return attempt -> interval;
    }

    /** Poll once at {@code instant}: the delay is the time left until then, or zero once it has passed. */
    public static PollingStrategy at(Instant instant) {
        Delays.requireNonNull(instant, "instant");
        return attempt -> {
            Duration left = Duration.between(Instant.now(), instant);
            return left.isNegative() ? Duration.ZERO : left;
        };
    }
}
