package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.retry.RetryStrategy;
import software.amazon.lambda.durable.serde.SerDes;

/** Options of a step: retry strategy, semantics per retry and the SerDes of its result. */
public class StepConfig {
    private final RetryStrategy retryStrategy;
    private final StepSemantics semanticsPerRetry;
    private final SerDes serDes;

    private StepConfig(Builder builder) {
        this.retryStrategy = builder.retryStrategy;
        this.semanticsPerRetry = builder.semanticsPerRetry;
        this.serDes = builder.serDes;
    }

    /** @return the retry strategy; {@link RetryStrategies.Presets#DEFAULT} when none was set */
    public RetryStrategy retryStrategy() {
        return retryStrategy != null ? retryStrategy : RetryStrategies.Presets.DEFAULT;
    }

    /** @return the semantics; {@link StepSemantics#AT_LEAST_ONCE_PER_RETRY} when none was set */
    public StepSemantics semanticsPerRetry() {
        return semanticsPerRetry != null ? semanticsPerRetry : StepSemantics.AT_LEAST_ONCE_PER_RETRY;
    }

    /** @return the SerDes of the result, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    public Builder toBuilder() {
        return new Builder(retryStrategy, semanticsPerRetry, serDes);
    }

    public static Builder builder() {
        return new Builder(null, null, null);
    }

    public static class Builder {
        private RetryStrategy retryStrategy;
        private StepSemantics semanticsPerRetry;
        private SerDes serDes;

        public Builder(RetryStrategy retryStrategy, StepSemantics semanticsPerRetry, SerDes serDes) {
            this.retryStrategy = retryStrategy;
            this.semanticsPerRetry = semanticsPerRetry;
            this.serDes = serDes;
        }

        public Builder retryStrategy(RetryStrategy retryStrategy) {
            this.retryStrategy = retryStrategy;
            return this;
        }

        public Builder semanticsPerRetry(StepSemantics semanticsPerRetry) {
            this.semanticsPerRetry = semanticsPerRetry;
            return this;
        }

        public Builder serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public StepConfig build() {
            return new StepConfig(this);
        }
    }
}
