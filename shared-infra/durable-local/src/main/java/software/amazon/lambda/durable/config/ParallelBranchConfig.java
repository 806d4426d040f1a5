package software.amazon.lambda.durable.config;

import software.amazon.lambda.durable.serde.SerDes;

/** Options of one parallel branch: the SerDes of its result. */
public class ParallelBranchConfig {
    private final SerDes serDes;

    private ParallelBranchConfig(Builder builder) {
        this.serDes = builder.serDes;
    }

    /** @return the SerDes of the branch result, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    public Builder toBuilder() {
        return new Builder(serDes);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    public static class Builder {
        private SerDes serDes;

        public Builder(SerDes serDes) {
            this.serDes = serDes;
        }

        public Builder serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public ParallelBranchConfig build() {
            return new ParallelBranchConfig(this);
        }
    }
}
