package durable.workshop.local.engine;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;
import software.amazon.lambda.durable.exception.UnrecoverableDurableExecutionException;
import software.amazon.lambda.durable.execution.SuspendExecutionException;

/**
 * The future of an operation whose code runs as a unit of its own on an executor thread (default mode): an async
 * step, a child context, a parallel branch, a map item. It answers once that code has returned.
 */
final class UnitFuture<T> extends EngineFuture<T> {
    private final LocalExecution ex;
    /** How the operation ended; null while its code runs. Guarded by the engine's lock. */
    private EngineFuture<T> outcome;

    private UnitFuture(LocalExecution ex) {
        super(ex.scheduler, null, null, null);
        this.ex = ex;
    }

    /**
     * Starts {@code work} on an executor thread and returns its future at once; {@code registered} gets the future
     * before the work starts, {@code ended} its outcome right after the work returns (still on the unit's thread).
     */
    static <T> UnitFuture<T> start(LocalExecution ex, String label, Supplier<EngineFuture<T>> work,
            Consumer<UnitFuture<T>> registered, Consumer<EngineFuture<T>> ended) {
        UnitFuture<T> future = new UnitFuture<>(ex);
        registered.accept(future);
        ex.scheduler.start(() -> {
            EngineFuture<T> result;
            try {
                result = work.get();
            } catch (SuspendExecutionException s) {
                result = EngineFuture.pending(ex, s);
            } catch (UnrecoverableDurableExecutionException u) {
                result = EngineFuture.failed(ex.fatal(u), ex.now);
            } catch (RuntimeException | Error e) {
                result = EngineFuture.failed(ex.fatal(new IllegalDurableOperationException(
                        label + " failed inside the engine: " + e)), ex.now);
            }
            ex.unitEnded();
            future.outcome = result;
            ended.accept(result);
        });
        return future;
    }

    @Override
    public T get() {
        refuseInsideStep();
        return ex.scheduler.locked(() -> {
            ex.scheduler.awaitUntil(() -> outcome != null, false);
            return outcome.get();
        });
    }

    @Override
    public boolean isDone() {
        return ex.scheduler.peek(() -> outcome != null && outcome.isDone());
    }

    @Override
    public Instant completedAt() {
        return ex.scheduler.peek(() -> outcome == null ? null : outcome.completedAt());
    }
}
