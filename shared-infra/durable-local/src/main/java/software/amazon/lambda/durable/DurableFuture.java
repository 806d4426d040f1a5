package software.amazon.lambda.durable;

import durable.workshop.local.engine.EngineFuture;
import durable.workshop.local.engine.EngineSuspend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The result of an asynchronous durable operation. {@link #get()} returns it, throws the operation's error, or - when
 * the result is not there yet - suspends the execution until it is.
 *
 * @param <T> result type
 */
public interface DurableFuture<T> {

    T get();

    /** The results of all futures, in order; suspends until every one is complete. */
    @SafeVarargs
    static <T> List<T> allOf(DurableFuture<T>... futures) {
        return allOf(Arrays.asList(futures));
    }

    static <T> List<T> allOf(List<DurableFuture<T>> futures) {
        if (futures == null) {
            throw new IllegalArgumentException("allOf: the list of futures must not be null");
        }
        List<T> results = new ArrayList<>(futures.size());
        for (DurableFuture<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    /** The result of whichever future completed first (its error, if it failed); suspends while none has. */
    static Object anyOf(DurableFuture<?>... futures) {
        if (futures == null || futures.length == 0) {
            throw new IllegalArgumentException("anyOf needs at least one future");
        }
        DurableFuture<?> first = null;
        Instant firstAt = null;
        for (DurableFuture<?> f : futures) {
            if (!(f instanceof EngineFuture<?> e)) {
                return f.get();
            }
            if (e.isDone()) {
                Instant at = e.completedAt();
                if (first == null || (at != null && firstAt != null && at.isBefore(firstAt))) {
                    first = f;
                    firstAt = at;
                }
            }
        }
        if (first != null) {
            return first.get();
        }
        // None is complete: let the first one suspend the execution (it records why).
        futures[0].get();
        throw new EngineSuspend("anyOf: no future has completed");
    }
}
