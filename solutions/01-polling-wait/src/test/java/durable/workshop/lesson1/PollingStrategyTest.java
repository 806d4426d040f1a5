package durable.workshop.lesson1;

import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.lambda.durable.exception.WaitForConditionFailedException;
import software.amazon.lambda.durable.retry.WaitForConditionWaitStrategy;

/** Exercise 1.3: a poll every 5 minutes, and no more polls than fit in the 1-hour execution timeout. */
@Tag("exercise:1.3")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simpler rule is graded (and explained) first
class PollingStrategyTest {

    private static final Duration EXECUTION_TIMEOUT = Duration.ofHours(1);

    @Test
    @Order(1)
    void waitsFiveMinutesAfterEachPoll() {
        WaitForConditionWaitStrategy<PollState> strategy = PollingHandler.pollingStrategy();

        for (int poll = 1; poll <= 11; poll++) {
            PollState state = new PollState("order-1", "incomplete", poll);
            assertThat(strategy.evaluate(state, poll)).as(say("wait after poll %d", "%d 回目のポーリングの後の待ち時間"), poll)
                    .isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    @Order(2)
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

        assertThat(polls).as(say("polls before giving up", "あきらめるまでのポーリング回数")).isEqualTo(12);
        assertThat(waited).as(say("time waited between the polls", "ポーリングの間に待った時間の合計"))
                .isEqualTo(Duration.ofMinutes(55))
                .isLessThan(EXECUTION_TIMEOUT);
        assertThat(gaveUp).as(say("error when giving up: WaitForConditionFailedException, as the SDK's WaitStrategies throw",
                        "あきらめたときのエラー: SDK の WaitStrategies と同じ WaitForConditionFailedException"))
                .isInstanceOf(WaitForConditionFailedException.class)
                .hasMessageContaining("order-1")
                .hasMessageContaining("12")
                .hasMessageContaining("incomplete");
    }
}
