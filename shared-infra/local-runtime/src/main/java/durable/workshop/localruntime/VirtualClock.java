package durable.workshop.localruntime;

import java.time.Duration;
import java.time.Instant;

/**
 * The runtime's clock: real time, or {@code scale} times faster for demos (at 60, a 5-minute wait lasts 5 s).
 * It never runs behind a time an execution has already seen, so a restart keeps every execution's time moving
 * forward.
 */
final class VirtualClock {
    private final double scale;
    private final Instant base;
    private final long startNanos = System.nanoTime();

    VirtualClock(double scale, Instant notBefore) {
        if (!(scale >= 1)) {
            throw new IllegalArgumentException("The time scale must be a number of at least 1, not " + scale);
        }
        this.scale = scale;
        Instant now = Instant.now();
        this.base = notBefore != null && notBefore.isAfter(now) ? notBefore : now;
    }

    Instant now() {
        long elapsed = (long) ((System.nanoTime() - startNanos) * scale);
        return base.plusNanos(elapsed).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** How long to sleep in real time until the clock shows {@code t}. */
    Duration realDelayUntil(Instant t) {
        Duration virtual = Duration.between(now(), t);
        return virtual.isNegative() ? Duration.ZERO : Duration.ofNanos((long) (virtual.toNanos() / scale));
    }

    double scale() {
        return scale;
    }
}
