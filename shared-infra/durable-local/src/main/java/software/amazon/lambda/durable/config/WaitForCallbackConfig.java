package software.amazon.lambda.durable.config;

/** Options of {@code waitForCallback}: the submitter step's config and the callback's config. */
public class WaitForCallbackConfig {
    private final StepConfig stepConfig;
    private final CallbackConfig callbackConfig;

    private WaitForCallbackConfig(Builder builder) {
        this.stepConfig = builder.stepConfig != null ? builder.stepConfig : StepConfig.builder().build();
        this.callbackConfig = builder.callbackConfig != null
                ? builder.callbackConfig : CallbackConfig.builder().build();
    }

    /** @return the config of the submitter step; defaults when not set */
    public StepConfig stepConfig() {
        return stepConfig;
    }

    /** @return the config of the callback; no timeout when not set */
    public CallbackConfig callbackConfig() {
        return callbackConfig;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().stepConfig(stepConfig).callbackConfig(callbackConfig);
    }

    public static class Builder {
        private StepConfig stepConfig;
        private CallbackConfig callbackConfig;

        public Builder() {
        }

        public Builder stepConfig(StepConfig stepConfig) {
            this.stepConfig = stepConfig;
            return this;
        }

        public Builder callbackConfig(CallbackConfig callbackConfig) {
            this.callbackConfig = callbackConfig;
            return this;
        }

        public WaitForCallbackConfig build() {
            return new WaitForCallbackConfig(this);
        }
    }
}
