package durable.workshop.local;

import durable.workshop.local.engine.RunnerState;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;

/**
 * Configured callback timeouts in virtual time. The official local runner never times a callback out by itself (a
 * test calls {@code timeoutCallback(id)}), and neither does this one by default. With {@link #enforce} a callback
 * whose {@code CallbackConfig} timeout has passed in virtual time ends {@code TIMED_OUT}, and {@code advanceTime()}
 * moves the clock to the earliest such timeout when nothing else is pending. Tests meant to run on the official SDK
 * too should not rely on it.
 */
public final class CallbackTimeouts {

    private CallbackTimeouts() {
    }

    /** Enforces configured callback timeouts for executions this runner starts from now on; returns the runner. */
    public static <R extends LocalDurableTestRunner<?, ?>> R enforce(R runner) {
        RunnerState.of(runner).callbackTimeouts(true);
        return runner;
    }

    /** Back to the official behaviour: callbacks end only when the test completes, fails or times them out. */
    public static <R extends LocalDurableTestRunner<?, ?>> R ignore(R runner) {
        RunnerState.of(runner).callbackTimeouts(false);
        return runner;
    }
}
