package durable.workshop.local.engine;

import software.amazon.lambda.durable.execution.SuspendExecutionException;

/** Unwinds the handler when it cannot go on in this invocation; remembers why, for the trace. */
public final class EngineSuspend extends SuspendExecutionException {
    private final String reason;

    public EngineSuspend(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return "execution suspended: " + reason;
    }
}
