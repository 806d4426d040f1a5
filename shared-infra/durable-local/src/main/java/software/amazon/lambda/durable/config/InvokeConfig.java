package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.serde.SerDes;

/** Options of a chained invoke: SerDes of the payload and of the result, and the tenant id. */
public class InvokeConfig {
    private final SerDes payloadSerDes;
    private final SerDes serDes;
    private final String tenantId;

    public InvokeConfig(Builder builder) {
        if (builder == null) {
            throw new IllegalArgumentException("InvokeConfig: the builder must not be null; use InvokeConfig.builder()");
        }
        this.payloadSerDes = builder.payloadSerDes;
        this.serDes = builder.serDes;
        this.tenantId = builder.tenantId;
    }

    /** @return the SerDes of the payload sent, or {@code null} to use the execution's SerDes */
    public SerDes payloadSerDes() {
        return payloadSerDes;
    }

    /** @return the SerDes of the result received, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    /** @return the tenant id passed to the invoked function, or {@code null} */
    public String tenantId() {
        return tenantId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().tenantId(tenantId).payloadSerDes(payloadSerDes).serDes(serDes);
    }

    public static class Builder {
        private String tenantId;
        private SerDes payloadSerDes;
        private SerDes serDes;

        private Builder() {
        }

        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder payloadSerDes(SerDes payloadSerDes) {
            this.payloadSerDes = payloadSerDes;
            return this;
        }

        public Builder serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public InvokeConfig build() {
            return new InvokeConfig(this);
        }
    }
}
