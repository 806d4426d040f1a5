package durable.workshop.local;

import durable.workshop.local.engine.RunnerState;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;

/**
 * Strict replay: the runner ends the invocation after every new checkpoint, so each operation is replayed at least
 * once. Side effects or non-determinism outside steps then show at once. Turn it on for one runner with
 * {@link #strict}, or for every runner with the system property {@code durable.local.replay=strict}.
 */
public final class ReplayMode {
    /** The system property that turns strict replay on for every runner. */
    public static final String PROPERTY = "durable.local.replay";

    private ReplayMode() {
    }

    /** Turns strict replay on for executions this runner starts from now on; returns the runner. */
    public static <R extends LocalDurableTestRunner<?, ?>> R strict(R runner) {
        RunnerState.of(runner).strict(true);
        return runner;
    }

    /** Back to the official behaviour (unless the system property asks for strict replay). */
    public static <R extends LocalDurableTestRunner<?, ?>> R normal(R runner) {
        RunnerState.of(runner).strict(false);
        return runner;
    }
}
