package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.retry.WaitForConditionWaitStrategy;
import software.amazon.lambda.durable.retry.WaitStrategies;
import software.amazon.lambda.durable.serde.SerDes;

/** Options of {@code waitForCondition}: the wait strategy between checks, the state's SerDes, the first state. */
public class WaitForConditionConfig<T> {
    private final WaitForConditionWaitStrategy<T> waitStrategy;
    private final SerDes serDes;
    private final T initialState;

    private WaitForConditionConfig(Builder<T> builder) {
        this.waitStrategy = builder.waitStrategy;
        this.serDes = builder.serDes;
        this.initialState = builder.initialState;
    }

    /** @return the wait strategy; {@link WaitStrategies#defaultStrategy()} when not set */
    public WaitForConditionWaitStrategy<T> waitStrategy() {
        return waitStrategy != null ? waitStrategy : WaitStrategies.defaultStrategy();
    }

    /** @return the SerDes of the state, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    /** @return the state passed to the first check, or {@code null} */
    public T initialState() {
        return initialState;
    }

    public Builder<T> toBuilder() {
        return new Builder<T>().waitStrategy(waitStrategy).serDes(serDes).initialState(initialState);
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public static class Builder<T> {
        private WaitForConditionWaitStrategy<T> waitStrategy;
        private SerDes serDes;
        private T initialState;

        private Builder() {
        }

        public Builder<T> waitStrategy(WaitForConditionWaitStrategy<T> waitStrategy) {
            this.waitStrategy = waitStrategy;
            return this;
        }

        public Builder<T> serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public Builder<T> initialState(T initialState) {
            this.initialState = initialState;
            return this;
        }

        public WaitForConditionConfig<T> build() {
            return new WaitForConditionConfig<>(this);
        }
    }
}
