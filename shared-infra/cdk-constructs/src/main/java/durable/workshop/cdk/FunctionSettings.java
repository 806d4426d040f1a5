package durable.workshop.cdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;

/** What a workshop function needs: name, handler class, code, environment and its limits. */
public final class FunctionSettings {

    final String functionName;
    final String handler;
    final Code code;
    final Map<String, String> environment;
    final int memoryMb;
    final Duration timeout;
    final RetentionDays logRetention;
    final String description;

    private FunctionSettings(Builder b) {
        this.functionName = Objects.requireNonNull(b.functionName, "FunctionSettings needs a functionName");
        this.handler = Objects.requireNonNull(b.handler, "FunctionSettings needs a handler");
        this.code = Objects.requireNonNull(b.code, "FunctionSettings needs code");
        this.environment = Map.copyOf(b.environment);
        this.memoryMb = b.memoryMb;
        this.timeout = b.timeout;
        this.logRetention = b.logRetention;
        this.description = b.description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String functionName;
        private String handler;
        private Code code;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private int memoryMb = 512;
        private Duration timeout = Duration.seconds(60);
        private RetentionDays logRetention;
        private String description;

        /** The full function name (use {@link WorkshopConfig#name(String)} so it carries the prefix). */
        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /**
         * The handler class name alone, for example {@code durable.workshop.lesson1.PollingHandler}: a durable
         * handler is a {@code RequestStreamHandler}, so Lambda needs no method name.
         */
        public Builder handler(String handlerClass) {
            this.handler = handlerClass;
            return this;
        }

        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder environment(String name, String value) {
            // Lambda has no unset variables: catch a missing value here, where the name is known.
            Objects.requireNonNull(value, () -> "environment variable " + name + " has no value");
            this.environment.put(name, value);
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            this.environment.putAll(variables);
            return this;
        }

        /** Memory in MB (default 512); Lambda gives CPU in proportion to it. */
        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        /** Limit of ONE invocation (default 60 s, at most 15 minutes), not of the durable execution. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * How long the function's log group keeps logs. By default the stage's {@code logRetentionDays} when the
         * app has stages, one week otherwise.
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public FunctionSettings build() {
            return new FunctionSettings(this);
        }
    }
}
