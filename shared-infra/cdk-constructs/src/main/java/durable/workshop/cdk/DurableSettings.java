package durable.workshop.cdk;

import software.amazon.awscdk.Duration;

/**
 * The {@code DurableConfig} of one durable function in one stage, from
 * {@code stages.<stage>.durableFunctions.<name>} in {@code config/config.json}.
 *
 * @param executionTimeout how long one durable execution may run in total (1 second to 366 days)
 * @param retention        how long Lambda keeps a finished execution's history (1 to 90 days)
 */
public record DurableSettings(Duration executionTimeout, Duration retention) {
}
