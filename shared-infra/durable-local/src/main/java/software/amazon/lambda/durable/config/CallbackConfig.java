package software.amazon.lambda.durable.config;

import java.time.Duration;
import software.amazon.lambda.durable.serde.SerDes;

/**
 * Options of a callback. Set a {@link #timeout()}: without one, a callback that nobody completes keeps the
 * execution waiting until the execution itself times out.
 */
public class CallbackConfig {
    private final Duration timeout;
    private final Duration heartbeatTimeout;
    private final SerDes serDes;

    private CallbackConfig(Builder builder) {
        this.timeout = builder.timeout;
        this.heartbeatTimeout = builder.heartbeatTimeout;
        this.serDes = builder.serDes;
    }

    /** @return how long the callback may stay pending, or {@code null} for no limit of its own */
    public Duration timeout() {
        return timeout;
    }

    /** @return the longest gap allowed between heartbeats, or {@code null} when heartbeats are not required */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** @return the SerDes of the callback result, or {@code null} to use the execution's SerDes */
    public SerDes serDes() {
        return serDes;
    }

    public static Builder builder() {
        return new Builder(null, null, null);
    }

    public Builder toBuilder() {
        return new Builder(timeout, heartbeatTimeout, serDes);
    }

    public static class Builder {
        private Duration timeout;
        private Duration heartbeatTimeout;
        private SerDes serDes;

        public Builder(Duration timeout, Duration heartbeatTimeout, SerDes serDes) {
            this.timeout = timeout;
            this.heartbeatTimeout = heartbeatTimeout;
            this.serDes = serDes;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder heartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = heartbeatTimeout;
            return this;
        }

        public Builder serDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        /** @throws IllegalArgumentException when a timeout is zero, negative or shorter than one second */
        public CallbackConfig build() {
            requireWholeSeconds(timeout, "timeout");
            requireWholeSeconds(heartbeatTimeout, "heartbeatTimeout");
            return new CallbackConfig(this);
        }

        private static void requireWholeSeconds(Duration value, String field) {
            if (value != null && value.getSeconds() < 1) {
                throw new IllegalArgumentException(
                        "CallbackConfig." + field + " must be at least 1 second, got: " + value);
            }
        }
    }
}
