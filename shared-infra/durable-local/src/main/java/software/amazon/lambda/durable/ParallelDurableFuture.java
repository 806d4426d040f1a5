package software.amazon.lambda.durable;

import java.util.function.Function;
import software.amazon.lambda.durable.config.ParallelBranchConfig;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.model.SafeCloseable;

/**
 * A running {@code parallel} operation. Register branches with {@code branch(...)}, then {@link #get()} the
 * summary; closing it (try-with-resources) waits for the branches as well.
 */
public interface ParallelDurableFuture extends SafeCloseable, DurableFuture<ParallelResult> {
    default <T> DurableFuture<T> branch(String name, Class<T> resultType, Function<DurableContext, T> func) {
        return branch(name, TypeToken.get(resultType), func, ParallelBranchConfig.builder().build());
    }

    default <T> DurableFuture<T> branch(String name, TypeToken<T> resultType, Function<DurableContext, T> func) {
        return branch(name, resultType, func, ParallelBranchConfig.builder().build());
    }

    default <T> DurableFuture<T> branch(String name, Class<T> resultType, Function<DurableContext, T> func,
            ParallelBranchConfig config) {
        return branch(name, TypeToken.get(resultType), func, config);
    }

    <T> DurableFuture<T> branch(String name, TypeToken<T> resultType, Function<DurableContext, T> func,
            ParallelBranchConfig config);
}
