package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.local.Traces;
import org.junit.jupiter.api.Test;

class TracesTest {

    @Test
    void readsAndClearsTheLatestTrace() {
        Traces.record("invocation 1\n  ran step check");
        assertThat(TestRunner.DurableTraces.latest()).contains("invocation 1\n  ran step check");

        TestRunner.DurableTraces.clear();

        assertThat(TestRunner.DurableTraces.latest()).isEmpty();
    }
}
