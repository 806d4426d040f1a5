package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void assertionMessagesLoseStackLinesAndStayShort() {
        StringBuilder long_ = new StringBuilder("Expected SUCCEEDED but was FAILED (TODO 1.1: read it)\n\tat a.b.C.d(C.java:1)\n");
        for (int i = 0; i < 40; i++) {
            long_.append("line ").append(i).append('\n');
        }

        String message = Failures.message(new AssertionError(long_.toString()));

        assertThat(message).startsWith("Expected SUCCEEDED but was FAILED (TODO 1.1: read it)\nline 0")
                .doesNotContain("C.java").endsWith(" …");
        assertThat(message.lines().count()).isLessThanOrEqualTo(12);
    }

    @Test
    void exceptionsShowTheirTypeAndCauses() {
        Throwable error = new IllegalStateException("poll failed", new UnsupportedOperationException("TODO 1.2: stop"));

        assertThat(Failures.message(error)).isEqualTo("IllegalStateException: poll failed\ncaused by UnsupportedOperationException: TODO 1.2: stop");
        assertThat(Failures.todos(error)).containsExactly("1.2");
    }

    @Test
    void recognisesTimeoutsAndNullPointers() {
        assertThat(Failures.isTimeout(new TimeoutException("check() timed out after 60 seconds"))).isTrue();
        assertThat(Failures.isNullPointer(new AssertionError("FAILED (java.lang.NullPointerException: x)"))).isTrue();
        assertThat(Failures.isTimeout(new AssertionError("TODO 1.3"))).isFalse();
        assertThat(Failures.isNullPointer(new AssertionError("TODO 1.3"))).isFalse();
    }
}
