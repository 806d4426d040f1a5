package durable.workshop.lesson1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.retry.WaitForConditionWaitStrategy;

/** Exercise 1.3: a poll every 5 minutes, and no more polls than fit in the 1-hour execution timeout. */
@Tag("exercise:1.3")
class PollingStrategyTest {

    private static final Duration EXECUTION_TIMEOUT = Duration.ofHours(1);

    @Test
    void waitsFiveMinutesAfterEachPoll() {
        WaitForConditionWaitStrategy<PollState> strategy = PollingHandler.pollingStrategy();

        for (int poll = 1; poll <= 11; poll++) {
            PollState state = new PollState("order-1", "incomplete", poll);
            assertThat(strategy.evaluate(state, poll)).as("wait after poll %d", poll).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void givesUpAfterTwelvePollsWithinTheHour() {
        WaitForConditionWaitStrategy<PollState> strategy = PollingHandler.pollingStrategy();

        // Play the polls the SDK would make while the item stays "incomplete".
        int polls = 0;
        Duration waited = Duration.ZERO;
        Throwable gaveUp = null;
        while (gaveUp == null && polls < 100) {
            polls++;
            PollState state = new PollState("order-1", "incomplete", polls);
            int poll = polls;
            Duration[] delay = new Duration[1];
            gaveUp = Outcomes.thrownBy(() -> delay[0] = strategy.evaluate(state, poll));
            if (gaveUp == null) {
                waited = waited.plus(delay[0]);
            }
        }

        assertThat(polls).as("polls before giving up").isEqualTo(12);
        assertThat(waited).as("time waited between the polls").isEqualTo(Duration.ofMinutes(55))
                .isLessThan(EXECUTION_TIMEOUT);
        assertThat(gaveUp).as("error when giving up")
                .hasMessageContaining("order-1")
                .hasMessageContaining("12")
                .hasMessageContaining("incomplete");
    }
}
