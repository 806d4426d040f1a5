package durable.workshop.local;

import durable.workshop.local.engine.LocalExecution;
import durable.workshop.local.engine.RunnerState;
import java.util.Optional;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;

/** Execution traces of the local test runners, for learners and the course grader. */
public final class Traces {
    private Traces() {
    }

    /** The trace of the most recent execution started by any runner in this JVM (empty after {@link #clear()}). */
    public static Optional<ExecutionTrace> latest() {
        return RunnerState.latest().map(LocalExecution::trace);
    }

    /** The trace of the runner's current (or last) execution. */
    public static ExecutionTrace of(LocalDurableTestRunner<?, ?> runner) {
        LocalExecution ex = RunnerState.of(runner).execution();
        if (ex == null) {
            throw new IllegalStateException("This runner has not run an execution yet; call run(input) first.");
        }
        return ex.trace();
    }

    /** Forgets which execution was the latest. */
    public static void clear() {
        RunnerState.clearLatest();
    }
}
