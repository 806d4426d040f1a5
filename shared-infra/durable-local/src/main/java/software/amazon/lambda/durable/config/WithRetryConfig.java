package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.retry.RetryStrategy;

/** Options of {@code withRetry}: the retry strategy and whether the attempts are grouped in a child context. */
public class WithRetryConfig {
    private final RetryStrategy retryStrategy;
    private final boolean wrapInChildContext;

    private WithRetryConfig(Builder builder) {
        this.retryStrategy = builder.retryStrategy;
        this.wrapInChildContext = builder.wrapInChildContext;
    }

    /** @return the retry strategy; {@link RetryStrategies.Presets#DEFAULT} when not set */
    public RetryStrategy retryStrategy() {
        return retryStrategy != null ? retryStrategy : RetryStrategies.Presets.DEFAULT;
    }

    /** @return whether all attempts run inside one named child context; {@code true} unless turned off */
    public boolean wrapInChildContext() {
        return wrapInChildContext;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static class Builder {
        private RetryStrategy retryStrategy;
        private boolean wrapInChildContext = true;

        private Builder() {
        }

        public Builder retryStrategy(RetryStrategy retryStrategy) {
            this.retryStrategy = retryStrategy;
            return this;
        }

        public Builder wrapInChildContext(boolean wrapInChildContext) {
            this.wrapInChildContext = wrapInChildContext;
            return this;
        }

        public WithRetryConfig build() {
            return new WithRetryConfig(this);
        }
    }
}
