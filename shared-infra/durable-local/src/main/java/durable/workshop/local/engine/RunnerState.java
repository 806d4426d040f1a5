package durable.workshop.local.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/** What the course's extras need to know about a test runner: its current execution and its replay mode. */
public final class RunnerState {
    private static final Map<Object, RunnerState> BY_RUNNER = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile LocalExecution latest;

    private volatile boolean strict;
    private volatile boolean callbackTimeouts;
    private volatile LocalExecution execution;

    public static RunnerState register(Object runner) {
        RunnerState s = new RunnerState();
        BY_RUNNER.put(runner, s);
        return s;
    }

    public static RunnerState of(Object runner) {
        RunnerState s = runner == null ? null : BY_RUNNER.get(runner);
        if (s == null) {
            throw new IllegalArgumentException("Not a LocalDurableTestRunner of this module: " + runner);
        }
        return s;
    }

    public static Optional<LocalExecution> latest() {
        return Optional.ofNullable(latest);
    }

    public static void clearLatest() {
        latest = null;
    }

    public boolean strict() {
        return strict;
    }

    public void strict(boolean on) {
        strict = on;
    }

    /** Whether configured callback timeouts pass in virtual time (the official runner never times a callback out). */
    public boolean callbackTimeouts() {
        return callbackTimeouts;
    }

    public void callbackTimeouts(boolean on) {
        callbackTimeouts = on;
    }

    public LocalExecution execution() {
        return execution;
    }

    public void execution(LocalExecution e) {
        execution = e;
        latest = e;
    }
}
