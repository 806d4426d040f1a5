package durable.workshop.local;

import java.util.Optional;

/**
 * Test double of durable-local's trace recorder, with the same static methods the grader calls through
 * reflection, so the grader's tests can check how a trace is shown without the real engine.
 */
public final class Traces {

    private static volatile Trace latest;

    private Traces() {
    }

    public static Optional<Trace> latest() {
        return Optional.ofNullable(latest);
    }

    public static void clear() {
        latest = null;
    }

    /** Called by fixture tests in place of a real durable execution. */
    public static void record(String rendered) {
        latest = new Trace(rendered);
    }

    public static final class Trace {
        private final String rendered;

        Trace(String rendered) {
            this.rendered = rendered;
        }

        public String render() {
            return rendered;
        }
    }
}
