package software.amazon.lambda.durable;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.lambda.durable.config.CallbackConfig;
import software.amazon.lambda.durable.config.InvokeConfig;
import software.amazon.lambda.durable.config.MapConfig;
import software.amazon.lambda.durable.config.ParallelConfig;
import software.amazon.lambda.durable.config.RunInChildContextConfig;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.WaitForCallbackConfig;
import software.amazon.lambda.durable.config.WaitForConditionConfig;
import software.amazon.lambda.durable.config.WithRetryConfig;
import software.amazon.lambda.durable.context.BaseContext;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.WaitForConditionResult;

/**
 * The durable operations a handler (or a child context) can run. Every convenience overload ends in one of the
 * abstract {@code ...Async} methods; the blocking forms call {@code get()} on the future.
 */
public interface DurableContext extends BaseContext {

    /**
     * @return the durable context attached to this thread, or {@code null} outside durable code
     * @throws IllegalStateException inside a step, where only {@link StepContext} is available
     */
    static DurableContext getCurrentContext() {
        BaseContext context = BaseContext.getCurrentContext();
        if (context == null || context instanceof DurableContext) {
            return (DurableContext) context;
        }
        throw new IllegalStateException(
                "DurableContext is not available inside a step; use StepContext.getCurrentContext() instead");
    }

    /** @return true while the handler is re-running code whose operations already completed */
    boolean isReplaying();

    // ---- step, with a StepContext-aware function ----

    default <T> T step(String name, Class<T> resultType, Function<StepContext, T> func) {
        return stepAsync(name, TypeToken.get(resultType), func, StepConfig.builder().build()).get();
    }

    default <T> T step(String name, Class<T> resultType, Function<StepContext, T> func, StepConfig config) {
        return stepAsync(name, TypeToken.get(resultType), func, config).get();
    }

    default <T> T step(String name, TypeToken<T> resultType, Function<StepContext, T> func) {
        return stepAsync(name, resultType, func, StepConfig.builder().build()).get();
    }

    default <T> T step(String name, TypeToken<T> resultType, Function<StepContext, T> func, StepConfig config) {
        return stepAsync(name, resultType, func, config).get();
    }

    default <T> DurableFuture<T> stepAsync(String name, Class<T> resultType, Function<StepContext, T> func) {
        return stepAsync(name, TypeToken.get(resultType), func, StepConfig.builder().build());
    }

    default <T> DurableFuture<T> stepAsync(String name, Class<T> resultType, Function<StepContext, T> func,
            StepConfig config) {
        return stepAsync(name, TypeToken.get(resultType), func, config);
    }

    default <T> DurableFuture<T> stepAsync(String name, TypeToken<T> resultType, Function<StepContext, T> func) {
        return stepAsync(name, resultType, func, StepConfig.builder().build());
    }

    <T> DurableFuture<T> stepAsync(String name, TypeToken<T> resultType, Function<StepContext, T> func,
            StepConfig config);

    // ---- step, with a plain Supplier ----

    default <T> T step(String name, Class<T> resultType, Supplier<T> func) {
        return stepAsync(name, TypeToken.get(resultType), asFunction(func), StepConfig.builder().build()).get();
    }

    default <T> T step(String name, Class<T> resultType, Supplier<T> func, StepConfig config) {
        return stepAsync(name, TypeToken.get(resultType), asFunction(func), config).get();
    }

    default <T> T step(String name, TypeToken<T> resultType, Supplier<T> func) {
        return stepAsync(name, resultType, asFunction(func), StepConfig.builder().build()).get();
    }

    default <T> T step(String name, TypeToken<T> resultType, Supplier<T> func, StepConfig config) {
        return stepAsync(name, resultType, asFunction(func), config).get();
    }

    default <T> DurableFuture<T> stepAsync(String name, Class<T> resultType, Supplier<T> func) {
        return stepAsync(name, TypeToken.get(resultType), asFunction(func), StepConfig.builder().build());
    }

    default <T> DurableFuture<T> stepAsync(String name, Class<T> resultType, Supplier<T> func, StepConfig config) {
        return stepAsync(name, TypeToken.get(resultType), asFunction(func), config);
    }

    default <T> DurableFuture<T> stepAsync(String name, TypeToken<T> resultType, Supplier<T> func) {
        return stepAsync(name, resultType, asFunction(func), StepConfig.builder().build());
    }

    default <T> DurableFuture<T> stepAsync(String name, TypeToken<T> resultType, Supplier<T> func,
            StepConfig config) {
        return stepAsync(name, resultType, asFunction(func), config);
    }

    // ---- wait ----

    default Void wait(String name, Duration duration) {
        return waitAsync(name, duration).get();
    }

    DurableFuture<Void> waitAsync(String name, Duration duration);

    // ---- invoke another function ----

    default <T, U> T invoke(String name, String functionName, U payload, Class<T> resultType) {
        return invokeAsync(name, functionName, payload, TypeToken.get(resultType), InvokeConfig.builder().build())
                .get();
    }

    default <T, U> T invoke(String name, String functionName, U payload, Class<T> resultType, InvokeConfig config) {
        return invokeAsync(name, functionName, payload, TypeToken.get(resultType), config).get();
    }

    default <T, U> T invoke(String name, String functionName, U payload, TypeToken<T> resultType) {
        return invokeAsync(name, functionName, payload, resultType, InvokeConfig.builder().build()).get();
    }

    default <T, U> T invoke(String name, String functionName, U payload, TypeToken<T> resultType,
            InvokeConfig config) {
        return invokeAsync(name, functionName, payload, resultType, config).get();
    }

    default <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload, Class<T> resultType,
            InvokeConfig config) {
        return invokeAsync(name, functionName, payload, TypeToken.get(resultType), config);
    }

    default <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload, Class<T> resultType) {
        return invokeAsync(name, functionName, payload, TypeToken.get(resultType), InvokeConfig.builder().build());
    }

    default <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload,
            TypeToken<T> resultType) {
        return invokeAsync(name, functionName, payload, resultType, InvokeConfig.builder().build());
    }

    <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload, TypeToken<T> resultType,
            InvokeConfig config);

    // ---- callbacks ----

    default <T> DurableCallbackFuture<T> createCallback(String name, Class<T> resultType, CallbackConfig config) {
        return createCallback(name, TypeToken.get(resultType), config);
    }

    default <T> DurableCallbackFuture<T> createCallback(String name, TypeToken<T> resultType) {
        return createCallback(name, resultType, CallbackConfig.builder().build());
    }

    default <T> DurableCallbackFuture<T> createCallback(String name, Class<T> resultType) {
        return createCallback(name, TypeToken.get(resultType), CallbackConfig.builder().build());
    }

    <T> DurableCallbackFuture<T> createCallback(String name, TypeToken<T> resultType, CallbackConfig config);

    // ---- child contexts ----

    default <T> T runInChildContext(String name, Class<T> resultType, Function<DurableContext, T> func) {
        return runInChildContextAsync(name, TypeToken.get(resultType), func,
                RunInChildContextConfig.builder().build()).get();
    }

    default <T> T runInChildContext(String name, TypeToken<T> resultType, Function<DurableContext, T> func) {
        return runInChildContextAsync(name, resultType, func, RunInChildContextConfig.builder().build()).get();
    }

    default <T> DurableFuture<T> runInChildContextAsync(String name, Class<T> resultType,
            Function<DurableContext, T> func) {
        return runInChildContextAsync(name, TypeToken.get(resultType), func,
                RunInChildContextConfig.builder().build());
    }

    default <T> DurableFuture<T> runInChildContextAsync(String name, TypeToken<T> resultType,
            Function<DurableContext, T> func) {
        return runInChildContextAsync(name, resultType, func, RunInChildContextConfig.builder().build());
    }

    default <T> T runInChildContext(String name, Class<T> resultType, Function<DurableContext, T> func,
            RunInChildContextConfig config) {
        return runInChildContextAsync(name, TypeToken.get(resultType), func, config).get();
    }

    default <T> T runInChildContext(String name, TypeToken<T> resultType, Function<DurableContext, T> func,
            RunInChildContextConfig config) {
        return runInChildContextAsync(name, resultType, func, config).get();
    }

    default <T> DurableFuture<T> runInChildContextAsync(String name, Class<T> resultType,
            Function<DurableContext, T> func, RunInChildContextConfig config) {
        return runInChildContextAsync(name, TypeToken.get(resultType), func, config);
    }

    <T> DurableFuture<T> runInChildContextAsync(String name, TypeToken<T> resultType,
            Function<DurableContext, T> func, RunInChildContextConfig config);

    // ---- map ----

    default <I, O> MapResult<O> map(String name, Collection<I> items, Class<O> resultType,
            MapFunction<I, O> func) {
        return mapAsync(name, items, TypeToken.get(resultType), func, MapConfig.builder().build()).get();
    }

    default <I, O> MapResult<O> map(String name, Collection<I> items, Class<O> resultType, MapFunction<I, O> func,
            MapConfig config) {
        return mapAsync(name, items, TypeToken.get(resultType), func, config).get();
    }

    default <I, O> MapResult<O> map(String name, Collection<I> items, TypeToken<O> resultType,
            MapFunction<I, O> func) {
        return mapAsync(name, items, resultType, func, MapConfig.builder().build()).get();
    }

    default <I, O> MapResult<O> map(String name, Collection<I> items, TypeToken<O> resultType,
            MapFunction<I, O> func, MapConfig config) {
        return mapAsync(name, items, resultType, func, config).get();
    }

    default <I, O> DurableFuture<MapResult<O>> mapAsync(String name, Collection<I> items, Class<O> resultType,
            MapFunction<I, O> func) {
        return mapAsync(name, items, TypeToken.get(resultType), func, MapConfig.builder().build());
    }

    default <I, O> DurableFuture<MapResult<O>> mapAsync(String name, Collection<I> items, Class<O> resultType,
            MapFunction<I, O> func, MapConfig config) {
        return mapAsync(name, items, TypeToken.get(resultType), func, config);
    }

    default <I, O> DurableFuture<MapResult<O>> mapAsync(String name, Collection<I> items, TypeToken<O> resultType,
            MapFunction<I, O> func) {
        return mapAsync(name, items, resultType, func, MapConfig.builder().build());
    }

    <I, O> DurableFuture<MapResult<O>> mapAsync(String name, Collection<I> items, TypeToken<O> resultType,
            MapFunction<I, O> func, MapConfig config);

    // ---- parallel ----

    default ParallelDurableFuture parallel(String name) {
        return parallel(name, ParallelConfig.builder().build());
    }

    ParallelDurableFuture parallel(String name, ParallelConfig config);

    // ---- wait for a callback that a submitter step hands out ----

    default <T> T waitForCallback(String name, Class<T> resultType, BiConsumer<String, StepContext> submitter) {
        return waitForCallbackAsync(name, TypeToken.get(resultType), submitter,
                WaitForCallbackConfig.builder().build()).get();
    }

    default <T> T waitForCallback(String name, TypeToken<T> resultType, BiConsumer<String, StepContext> submitter) {
        return waitForCallbackAsync(name, resultType, submitter, WaitForCallbackConfig.builder().build()).get();
    }

    default <T> T waitForCallback(String name, Class<T> resultType, BiConsumer<String, StepContext> submitter,
            WaitForCallbackConfig config) {
        return waitForCallbackAsync(name, TypeToken.get(resultType), submitter, config).get();
    }

    default <T> T waitForCallback(String name, TypeToken<T> resultType, BiConsumer<String, StepContext> submitter,
            WaitForCallbackConfig config) {
        return waitForCallbackAsync(name, resultType, submitter, config).get();
    }

    default <T> DurableFuture<T> waitForCallbackAsync(String name, Class<T> resultType,
            BiConsumer<String, StepContext> submitter) {
        return waitForCallbackAsync(name, TypeToken.get(resultType), submitter,
                WaitForCallbackConfig.builder().build());
    }

    default <T> DurableFuture<T> waitForCallbackAsync(String name, TypeToken<T> resultType,
            BiConsumer<String, StepContext> submitter) {
        return waitForCallbackAsync(name, resultType, submitter, WaitForCallbackConfig.builder().build());
    }

    default <T> DurableFuture<T> waitForCallbackAsync(String name, Class<T> resultType,
            BiConsumer<String, StepContext> submitter, WaitForCallbackConfig config) {
        return waitForCallbackAsync(name, TypeToken.get(resultType), submitter, config);
    }

    <T> DurableFuture<T> waitForCallbackAsync(String name, TypeToken<T> resultType,
            BiConsumer<String, StepContext> submitter, WaitForCallbackConfig config);

    // ---- poll until a condition holds ----

    default <T> T waitForCondition(String name, Class<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check) {
        return waitForConditionAsync(name, TypeToken.get(stateType), check,
                WaitForConditionConfig.<T>builder().build()).get();
    }

    default <T> T waitForCondition(String name, Class<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config) {
        return waitForConditionAsync(name, TypeToken.get(stateType), check, config).get();
    }

    default <T> T waitForCondition(String name, TypeToken<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check) {
        return waitForConditionAsync(name, stateType, check, WaitForConditionConfig.<T>builder().build()).get();
    }

    default <T> T waitForCondition(String name, TypeToken<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config) {
        return waitForConditionAsync(name, stateType, check, config).get();
    }

    default <T> DurableFuture<T> waitForConditionAsync(String name, Class<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check) {
        return waitForConditionAsync(name, TypeToken.get(stateType), check,
                WaitForConditionConfig.<T>builder().build());
    }

    default <T> DurableFuture<T> waitForConditionAsync(String name, Class<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config) {
        return waitForConditionAsync(name, TypeToken.get(stateType), check, config);
    }

    default <T> DurableFuture<T> waitForConditionAsync(String name, TypeToken<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check) {
        return waitForConditionAsync(name, stateType, check, WaitForConditionConfig.<T>builder().build());
    }

    <T> DurableFuture<T> waitForConditionAsync(String name, TypeToken<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config);

    // ---- retry a block of durable code ----

    default <T> T withRetry(String name, BiFunction<Integer, DurableContext, T> func) {
        return withRetryAsync(name, func, WithRetryConfig.builder().build()).get();
    }

    default <T> T withRetry(String name, BiFunction<Integer, DurableContext, T> func, WithRetryConfig config) {
        return withRetryAsync(name, func, config).get();
    }

    default <T> DurableFuture<T> withRetryAsync(String name, BiFunction<Integer, DurableContext, T> func) {
        return withRetryAsync(name, func, WithRetryConfig.builder().build());
    }

    <T> DurableFuture<T> withRetryAsync(String name, BiFunction<Integer, DurableContext, T> func,
            WithRetryConfig config);

    /** The per-item function of {@code map}: the item, its index in the input, and the item's own context. */
    @FunctionalInterface
    interface MapFunction<I, O> {
        O apply(I item, int index, DurableContext context);
    }

    private static <T> Function<StepContext, T> asFunction(Supplier<T> supplier) {
        if (supplier == null) {
            return null;
        }
        return stepContext -> supplier.get();
    }
}
