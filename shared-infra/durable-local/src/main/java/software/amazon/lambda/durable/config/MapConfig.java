package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.serde.SerDes;

/** Options of {@code map}: concurrency limit, completion rule, SerDes of the item results, nesting. */
public class MapConfig {
    private final Integer maxConcurrency;
    private final CompletionConfig completionConfig;
    private final SerDes serDes;
    private final NestingType nestingType;

    private MapConfig(Builder builder) {
        this.maxConcurrency = builder.maxConcurrency;
        this.completionConfig = builder.completionConfig != null
                ? builder.completionConfig : CompletionConfig.allCompleted();
        this.serDes = builder.serDes;
        this.nestingType = builder.nestingType != null ? builder.nestingType : NestingType.NESTED;
    }

    /** @return how many items run at once, or {@code null} for no limit */
    public Integer maxConcurrency() {
        return maxConcurrency;
    }

    /** @return when the map completes; {@link CompletionConfig#allCompleted()} when not set */
    public CompletionConfig completionConfig() {
        return completionConfig;
    }

    /** @return the SerDes of item results, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    /** @return the nesting type; {@link NestingType#NESTED} when not set */
    public NestingType nestingType() {
        return nestingType;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxConcurrency(maxConcurrency).completionConfig(completionConfig).serDes(serDes)
                .nestingType(nestingType);
    }

    public static class Builder {
        // Public in the SDK's published API as well; nestingType(...) is the way to set it.
        public NestingType nestingType;
        private Integer maxConcurrency;
        private CompletionConfig completionConfig;
        private SerDes serDes;

        private Builder() {
        }

        /** @throws IllegalArgumentException when the limit is below 1 */
        public Builder maxConcurrency(Integer maxConcurrency) {
            if (maxConcurrency != null && maxConcurrency < 1) {
                throw new IllegalArgumentException("MapConfig.maxConcurrency must be at least 1, got: " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder completionConfig(CompletionConfig completionConfig) {
            this.completionConfig = completionConfig;
            return this;
        }

        public Builder serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public Builder nestingType(NestingType nestingType) {
            this.nestingType = nestingType;
            return this;
        }

        public MapConfig build() {
            return new MapConfig(this);
        }
    }
}
