package durable.workshop.local.engine;

import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.execution.SuspendExecutionException;

/**
 * The future behind every asynchronous operation. Operations run synchronously up to the point where they need
 * something outside the invocation (time, a callback, a chained invoke); {@link #get()} then suspends the invocation.
 */
public class EngineFuture<T> implements DurableFuture<T> {
    /** Whose lock guards what the future reads; null for one whose outcome was fixed when it was made. */
    private final Scheduler scheduler;
    private final Supplier<T> resolver;
    private final Supplier<Boolean> done;
    private final Supplier<Instant> completedAt;

    EngineFuture(Scheduler scheduler, Supplier<T> resolver, Supplier<Boolean> done, Supplier<Instant> completedAt) {
        this.scheduler = scheduler;
        this.resolver = resolver;
        this.done = done;
        this.completedAt = completedAt;
    }

    static <T> EngineFuture<T> of(T value, Instant at) {
        return new EngineFuture<>(null, () -> value, () -> true, () -> at);
    }

    static <T> EngineFuture<T> failed(RuntimeException error, Instant at) {
        return new EngineFuture<>(null, () -> {
            throw error;
        }, () -> true, () -> at);
    }

    /** A future whose get() rethrows a suspension caught earlier, so the caller suspends when it asks. */
    static <T> EngineFuture<T> pending(LocalExecution ex, SuspendExecutionException suspend) {
        ex.parked();
        return new EngineFuture<>(ex.scheduler, () -> {
            throw ex.resumeUnwinding(suspend);
        }, () -> false, () -> null);
    }

    @Override
    public T get() {
        refuseInsideStep();
        return scheduler == null ? resolver.get() : scheduler.locked(resolver);
    }

    static void refuseInsideStep() {
        if (BaseContext.CONTEXT.get() instanceof LocalStepContext step) {
            // As in the official SDK: a step's code runs outside the durable flow, so it cannot wait for an operation.
            throw new IllegalStateException("A durable future was awaited inside step \"" + step.getContextName()
                    + "\": call get() from the handler or a child context, not from a step's code.");
        }
    }

    /** True when {@link #get()} returns or throws the operation's own outcome instead of suspending. */
    public boolean isDone() {
        return scheduler == null ? done.get() : scheduler.peek(done);
    }

    /** Virtual time at which the operation completed; null while pending. */
    public Instant completedAt() {
        return scheduler == null ? completedAt.get() : scheduler.peek(completedAt);
    }
}
