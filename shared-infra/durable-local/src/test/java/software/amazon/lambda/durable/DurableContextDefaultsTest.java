package software.amazon.lambda.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.StepSemantics;
import software.amazon.lambda.durable.retry.RetryStrategies;

/** The convenience overloads must reach the abstract operations with the right type and default config. */
class DurableContextDefaultsTest {

    /** One call that reached an abstract method of the context. */
    record Call(String method, Object[] args) {
    }

    private final List<Call> calls = new ArrayList<>();

    private DurableContext recordingContext(Object futureValue) {
        // One fake future serves every operation kind; only get() matters here.
        Object future = Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DurableCallbackFuture.class, ParallelDurableFuture.class},
                (proxy, method, args) -> method.getName().equals("get") ? futureValue : null);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            calls.add(new Call(method.getName(), args));
            return returnsFuture(method) ? future : null;
        };
        return (DurableContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DurableContext.class}, handler);
    }

    private static boolean returnsFuture(Method method) {
        return DurableFuture.class.isAssignableFrom(method.getReturnType());
    }

    @Test
    void aSupplierStepRunsThroughStepAsyncWithDefaults() {
        DurableContext context = recordingContext("done");

        String result = context.step("charge", String.class, () -> "ignored by the fake");

        assertThat(result).isEqualTo("done");
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("stepAsync");
            assertThat(call.args()[0]).isEqualTo("charge");
            assertThat(call.args()[1]).isEqualTo(TypeToken.get(String.class));
            StepConfig config = (StepConfig) call.args()[3];
            assertThat(config.retryStrategy()).isSameAs(RetryStrategies.Presets.DEFAULT);
            assertThat(config.semanticsPerRetry()).isEqualTo(StepSemantics.AT_LEAST_ONCE_PER_RETRY);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSupplierIsAdaptedToAStepFunction() {
        DurableContext context = recordingContext(null);

        context.stepAsync("read", Integer.class, () -> 42);

        Function<StepContext, Integer> func = (Function<StepContext, Integer>) calls.get(0).args()[2];
        assertThat(func.apply(null)).isEqualTo(42);
    }

    @Test
    void waitAndInvokeBlockOnTheirFutures() {
        recordingContext(null).wait("pause", Duration.ofSeconds(5));
        Integer invoked = recordingContext(7).invoke("pay", "payment:live", "payload", Integer.class);

        assertThat(invoked).isEqualTo(7);
        assertThat(calls).extracting(Call::method).containsExactly("waitAsync", "invokeAsync");
        assertThat(calls.get(1).args()[3]).isEqualTo(TypeToken.get(Integer.class));
        assertThat(calls.get(1).args()[4]).isNotNull();
    }

    @Test
    void everyConvenienceOverloadEndsInAnAbstractOperationWithAConfig() {
        DurableContext context = recordingContext(null);

        context.createCallback("approval", String.class);
        context.runInChildContext("child", String.class, ctx -> "x");
        context.map("items", List.of(1, 2), String.class, (item, index, ctx) -> "x");
        context.parallel("fan-out");
        context.waitForCallback("approval", String.class, (id, step) -> { });
        context.waitForCondition("poll", String.class, (state, step) -> null);
        context.withRetry("retry", (attempt, ctx) -> "x");

        assertThat(calls).extracting(Call::method).containsExactly("createCallback", "runInChildContextAsync",
                "mapAsync", "parallel", "waitForCallbackAsync", "waitForConditionAsync", "withRetryAsync");
        assertThat(calls).allSatisfy(call -> assertThat(call.args()[call.args().length - 1])
                .as("config passed by %s", call.method()).isNotNull());
    }
}
