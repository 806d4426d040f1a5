package software.amazon.lambda.durable.config;

/** Options of {@code parallel}: concurrency limit, completion rule and nesting. */
public class ParallelConfig {
    private final int maxConcurrency;
    private final CompletionConfig completionConfig;
    private final NestingType nestingType;

    private ParallelConfig(Builder builder) {
        this.maxConcurrency = builder.maxConcurrency != null ? builder.maxConcurrency : Integer.MAX_VALUE;
        this.completionConfig = builder.completionConfig != null
                ? builder.completionConfig : CompletionConfig.allCompleted();
        this.nestingType = builder.nestingType != null ? builder.nestingType : NestingType.NESTED;
    }

    /** @return how many branches run at once; {@link Integer#MAX_VALUE} when not limited */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** @return when the parallel operation completes; {@link CompletionConfig#allCompleted()} when not set */
    public CompletionConfig completionConfig() {
        return completionConfig;
    }

    /** @return the nesting type; {@link NestingType#NESTED} when not set */
    public NestingType nestingType() {
        return nestingType;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxConcurrency(maxConcurrency).completionConfig(completionConfig)
                .nestingType(nestingType);
    }

    public static class Builder {
        private Integer maxConcurrency;
        private CompletionConfig completionConfig;
        private NestingType nestingType;

        private Builder() {
        }

        /** @throws IllegalArgumentException when the limit is below 1 */
        public Builder maxConcurrency(Integer maxConcurrency) {
            if (maxConcurrency != null && maxConcurrency < 1) {
                throw new IllegalArgumentException(
                        "ParallelConfig.maxConcurrency must be at least 1, got: " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a failure percentage: branches are registered one at a time, so
         *     the total a percentage needs is not known while they run
         */
        public Builder completionConfig(CompletionConfig completionConfig) {
            if (completionConfig != null && !completionConfig.hasCustomShouldComplete()
                    && completionConfig.toleratedFailurePercentage() != null) {
                throw new IllegalArgumentException("ParallelConfig does not support toleratedFailurePercentage");
            }
            this.completionConfig = completionConfig;
            return this;
        }

        public Builder nestingType(NestingType nestingType) {
            this.nestingType = nestingType;
            return this;
        }

        public ParallelConfig build() {
            return new ParallelConfig(this);
        }
    }
}
