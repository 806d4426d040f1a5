package durable.workshop.lesson3;

import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.retry.RetryDecision;
import software.amazon.lambda.durable.retry.RetryStrategy;

/**
 * Exercise 3.5: the charge's retry strategy retries only what is transient, with exponential backoff and
 * jitter, a bounded number of times. {@code makeRetryDecision(error, attempt)} is asked after each failed attempt
 * (attempt 1 = the first one).
 */
@Tag("exercise:3.5")
class PaymentRetryTest {

    private static final TransientPaymentException UNAVAILABLE =
            new TransientPaymentException("payment gateway answered HTTP 503");

    private static RetryStrategy strategy() {
        RetryStrategy strategy = OrderWorkflow.paymentRetry();
        assertThat(strategy).as(say("paymentRetry() should return a RetryStrategy", "paymentRetry() は RetryStrategy を返すはずです"))
                .isNotNull();
        return strategy;
    }

    @Test
    void transientErrorsAreRetriedUntilTheLastAttempt() {
        RetryStrategy strategy = strategy();
        for (int attempt = 1; attempt < OrderWorkflow.PAYMENT_ATTEMPTS; attempt++) {
            assertThat(strategy.makeRetryDecision(UNAVAILABLE, attempt).shouldRetry())
                    .as(say("a 503 after attempt " + attempt + " should be retried",
                            attempt + " 回目の試行の 503 はリトライするはずです")).isTrue();
        }
        assertThat(strategy.makeRetryDecision(UNAVAILABLE, OrderWorkflow.PAYMENT_ATTEMPTS).shouldRetry())
                .as(say("after " + OrderWorkflow.PAYMENT_ATTEMPTS + " attempts the strategy gives up (bounded attempts)",
                        OrderWorkflow.PAYMENT_ATTEMPTS + " 回試したらあきらめるはずです（試行回数に上限）")).isFalse();
        TransientPaymentException timeout = new TransientPaymentException("payment gateway unreachable",
                new SocketTimeoutException("read timed out"));
        assertThat(strategy.makeRetryDecision(timeout, 1).shouldRetry()).as(say("a timeout is transient too",
                "タイムアウトも一時的なエラーです")).isTrue();
    }

    @Test
    void declinesAndBugsAreNeverRetried() {
        RetryStrategy strategy = strategy();
        assertThat(strategy.makeRetryDecision(new PaymentDeclinedException("payment gateway answered HTTP 402"), 1)
                .shouldRetry()).as(say("a decline (4xx) gives the same answer every time: never retry it",
                        "拒否（4xx）は何度送っても同じ答えです。リトライしてはいけません")).isFalse();
        assertThat(strategy.makeRetryDecision(new IllegalStateException("a bug"), 1).shouldRetry())
                .as(say("only TransientPaymentException is retried, not every exception",
                        "リトライするのは TransientPaymentException だけで、例外なら何でもではありません")).isFalse();
    }

    @Test
    void delaysGrowExponentiallyWithJitterAndStayCapped() {
        RetryStrategy strategy = strategy();
        for (int attempt = 1; attempt < OrderWorkflow.PAYMENT_ATTEMPTS; attempt++) {
            Duration cap = OrderWorkflow.FIRST_RETRY_DELAY.multipliedBy(1L << (attempt - 1));
            if (cap.compareTo(OrderWorkflow.MAX_RETRY_DELAY) > 0) {
                cap = OrderWorkflow.MAX_RETRY_DELAY;
            }
            Set<Duration> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                RetryDecision decision = strategy.makeRetryDecision(UNAVAILABLE, attempt);
                assertThat(decision.delay()).as(say("the delay after attempt " + attempt + " is at most " + cap
                                + " (2 s doubling, exponential backoff)",
                        attempt + " 回目の後の待ち時間は最大 " + cap + " のはずです（2 秒から倍々の指数バックオフ）"))
                        .isLessThanOrEqualTo(cap).isGreaterThanOrEqualTo(Duration.ZERO);
                seen.add(decision.delay());
            }
            if (attempt >= 2) {
                assertThat(seen.size()).as(say("jitter: the delays after attempt " + attempt + " vary, so clients do not retry in step",
                        "ジッター: " + attempt + " 回目の後の待ち時間はばらつき、クライアントが一斉にリトライしないはずです"))
                        .isGreaterThan(1);
            }
        }
    }
}
