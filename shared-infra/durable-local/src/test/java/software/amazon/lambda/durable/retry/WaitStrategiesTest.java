package software.amazon.lambda.durable.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.exception.WaitForConditionFailedException;

class WaitStrategiesTest {

    @Test
    void exponentialBackoffGrowsByTheRateAndIsCapped() {
        WaitForConditionWaitStrategy<String> strategy = WaitStrategies.exponentialBackoff(
                10, Duration.ofSeconds(4), Duration.ofSeconds(10), 1.5, JitterStrategy.NONE);

        assertThat(strategy.evaluate("state", 1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(strategy.evaluate("state", 2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(strategy.evaluate("state", 3)).isEqualTo(Duration.ofSeconds(9));
        assertThat(strategy.evaluate("state", 4)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void runningOutOfAttemptsThrowsWaitForConditionFailedException() {
        WaitForConditionWaitStrategy<Integer> strategy = WaitStrategies.fixedDelay(3, Duration.ofSeconds(2));

        assertThat(strategy.evaluate(0, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> strategy.evaluate(0, 3))
                .isInstanceOf(WaitForConditionFailedException.class)
                .hasMessageContaining("maximum attempts (3)");
    }

    @Test
    void defaultStrategyAllowsSixtyChecks() {
        WaitForConditionWaitStrategy<Object> strategy = WaitStrategies.defaultStrategy();

        assertThat(strategy.evaluate(null, 59)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(300));
        assertThatThrownBy(() -> strategy.evaluate(null, 60))
                .isInstanceOf(WaitForConditionFailedException.class)
                .hasMessageContaining("(60)");
    }

    @RepeatedTest(20)
    void defaultStrategyUsesFullJitterBelowTheBaseDelay() {
        // the first delay is 5 s before jitter; full jitter draws from [0, 5], the floor is one second
        Duration first = WaitStrategies.defaultStrategy().evaluate(null, 1);
        assertThat(first).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void invalidArgumentsNameTheField() {
        assertThatThrownBy(() -> WaitStrategies.fixedDelay(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> WaitStrategies.exponentialBackoff(
                5, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, JitterStrategy.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffRate");
    }
}
