package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.serde.SerDes;

/** Options of a child context: the SerDes of its result and whether it is virtual (not checkpointed itself). */
public class RunInChildContextConfig {
    private final SerDes serDes;
    private final Boolean isVirtual;

    private RunInChildContextConfig(Builder builder) {
        this.serDes = builder.serDes;
        this.isVirtual = builder.isVirtual;
    }

    /** @return the SerDes of the result, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    /** @return whether the child context is virtual; {@code false} when not set */
    public Boolean isVirtual() {
        return isVirtual != null ? isVirtual : Boolean.FALSE;
    }

    public Builder toBuilder() {
        return new Builder().serDes(serDes).isVirtual(isVirtual);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static class Builder {
        private SerDes serDes;
        private Boolean isVirtual;

        private Builder() {
        }

        public Builder serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public Builder isVirtual(Boolean isVirtual) {
            this.isVirtual = isVirtual;
            return this;
        }

        public RunInChildContextConfig build() {
            return new RunInChildContextConfig(this);
        }
    }
}
