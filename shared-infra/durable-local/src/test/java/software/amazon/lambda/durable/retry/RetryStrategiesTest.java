package software.amazon.lambda.durable.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryStrategiesTest {
    private static final RuntimeException ERROR = new RuntimeException("boom");

    @Test
    void exponentialBackoffDoublesFromTheInitialDelayAndStopsAtTheCap() {
        RetryStrategy strategy = RetryStrategies.exponentialBackoff(
                10, Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, JitterStrategy.NONE);

        assertThat(delaysForAttempts(strategy, 1, 2, 3, 4, 5, 6))
                .containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
    }

    @Test
    void exponentialBackoffGivesUpAfterMaxAttempts() {
        RetryStrategy strategy = RetryStrategies.exponentialBackoff(
                3, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, JitterStrategy.NONE);

        assertThat(strategy.makeRetryDecision(ERROR, 2).shouldRetry()).isTrue();
        assertThat(strategy.makeRetryDecision(ERROR, 3).shouldRetry()).isFalse();
    }

    @Test
    void defaultPresetAllowsSixAttemptsInAll() {
        RetryStrategy strategy = RetryStrategies.Presets.DEFAULT;

        for (int attempt = 1; attempt <= 5; attempt++) {
            RetryDecision decision = strategy.makeRetryDecision(ERROR, attempt);
            assertThat(decision.shouldRetry()).as("after attempt %d", attempt).isTrue();
            // full jitter below the 60 s cap, but never less than the one-second timer resolution
            assertThat(decision.delay()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
        }
        assertThat(strategy.makeRetryDecision(ERROR, 6).shouldRetry()).isFalse();
    }

    @RepeatedTest(20)
    void defaultPresetJitterStaysBelowTheExponentialDelay() {
        // after attempt 2 the un-jittered delay is 5 s * 2 = 10 s
        Duration delay = RetryStrategies.Presets.DEFAULT.makeRetryDecision(ERROR, 2).delay();
        assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void linearPresetWaitsOneTwoThreeFourFiveSeconds() {
        assertThat(delaysForAttempts(RetryStrategies.Presets.LINEAR, 1, 2, 3, 4, 5))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(RetryStrategies.Presets.LINEAR.makeRetryDecision(ERROR, 6).shouldRetry()).isFalse();
    }

    @Test
    void linearBackoffWithCapNeverExceedsTheMaximum() {
        RetryStrategy strategy = RetryStrategies.linearBackoff(
                10, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(7), JitterStrategy.NONE);

        assertThat(delaysForAttempts(strategy, 1, 2, 3, 4)).containsExactly(2L, 5L, 7L, 7L);
    }

    @Test
    void noRetryFailsOnTheFirstError() {
        RetryDecision decision = RetryStrategies.Presets.NO_RETRY.makeRetryDecision(ERROR, 1);

        assertThat(decision.shouldRetry()).isFalse();
        assertThat(decision.toString()).contains("fail");
    }

    @Test
    void fixedDelayRepeatsTheSameDelayUntilAttemptsRunOut() {
        RetryStrategy strategy = RetryStrategies.fixedDelay(3, Duration.ofSeconds(4));

        assertThat(delaysForAttempts(strategy, 1, 2)).containsExactly(4L, 4L);
        assertThat(strategy.makeRetryDecision(ERROR, 3).shouldRetry()).isFalse();
    }

    @Test
    void invalidArgumentsNameTheField() {
        assertThatThrownBy(() -> RetryStrategies.fixedDelay(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryStrategies.exponentialBackoff(
                3, Duration.ZERO, Duration.ofSeconds(1), 2.0, JitterStrategy.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> RetryStrategies.exponentialBackoff(
                3, Duration.ofSeconds(1), Duration.ofSeconds(1), 2.0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryDecision.retry(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
    }

    @RepeatedTest(20)
    void jitterStaysWithinItsBounds() {
        assertThat(JitterStrategy.NONE.apply(8.0)).isEqualTo(8.0);
        assertThat(JitterStrategy.FULL.apply(8.0)).isBetween(0.0, 8.0);
        assertThat(JitterStrategy.HALF.apply(8.0)).isBetween(4.0, 8.0);
    }

    @Test
    void pollingBackoffGrowsFromTheBaseAndIsCapped() {
        PollingStrategy strategy = PollingStrategies.exponentialBackoff(
                Duration.ofMillis(500), 2.0, JitterStrategy.NONE, Duration.ofSeconds(3));

        assertThat(strategy.computeDelay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(strategy.computeDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(strategy.computeDelay(5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(PollingStrategies.Presets.DEFAULT.computeDelay(10)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(PollingStrategies.fixedDelay(Duration.ofSeconds(2)).computeDelay(7)).isEqualTo(Duration.ofSeconds(2));
    }

    private static Long[] delaysForAttempts(RetryStrategy strategy, int... attempts) {
        Long[] seconds = new Long[attempts.length];
        for (int i = 0; i < attempts.length; i++) {
            RetryDecision decision = strategy.makeRetryDecision(ERROR, attempts[i]);
            assertThat(decision.shouldRetry()).as("after attempt %d", attempts[i]).isTrue();
            seconds[i] = decision.delay().toSeconds();
        }
        return seconds;
    }
}
