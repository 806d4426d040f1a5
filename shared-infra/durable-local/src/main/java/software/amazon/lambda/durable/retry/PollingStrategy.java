package software.amazon.lambda.durable.retry;

import java.time.Duration;

/** How long to wait between polls of the execution's state. */
@FunctionalInterface
public interface PollingStrategy {
    Duration computeDelay(int attempt);
}
