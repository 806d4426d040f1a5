package software.amazon.lambda.durable.retry;

import java.time.Duration;

/**
 * How long {@code waitForCondition} waits before the next check. To give up, throw (the strategies of
 * {@link WaitStrategies} throw {@link software.amazon.lambda.durable.exception.WaitForConditionFailedException}
 * when their attempts are used up).
 */
@FunctionalInterface
public interface WaitForConditionWaitStrategy<T> {
    /**
     * @param state the state the last check returned
     * @param attempt the number of checks made so far, starting at 1
     */
    Duration evaluate(T state, int attempt);
}
