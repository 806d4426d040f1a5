package software.amazon.lambda.durable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.lambda.durable.client.DurableExecutionClient;
import software.amazon.lambda.durable.logging.LoggerConfig;
import software.amazon.lambda.durable.plugin.DurableExecutionPlugin;
import software.amazon.lambda.durable.plugin.PluginRunner;
import software.amazon.lambda.durable.retry.PollingStrategies;
import software.amazon.lambda.durable.retry.PollingStrategy;
import software.amazon.lambda.durable.serde.JacksonSerDes;
import software.amazon.lambda.durable.serde.SerDes;

/**
 * Execution-wide settings. Defaults: {@link JacksonSerDes}, a cached pool of daemon threads, replay logs
 * suppressed, {@link PollingStrategies.Presets#DEFAULT}, no checkpoint delay, no re-deserialization check.
 *
 * <p>This offline implementation never calls the Lambda service: the client settings are kept so the same code
 * compiles and runs against the official SDK, where they take effect.
 */
public final class DurableConfig {
    private final DurableExecutionClient durableExecutionClient;
    private final SerDes serDes;
    private final ExecutorService executorService;
    private final LoggerConfig loggerConfig;
    private final PollingStrategy pollingStrategy;
    private final Duration checkpointDelay;
    private final boolean deserializeAfterSerialization;
    private final PluginRunner pluginRunner;

    private DurableConfig(Builder builder) {
        this.durableExecutionClient = builder.durableExecutionClient != null
                ? builder.durableExecutionClient : new OfflineClient();
        this.serDes = builder.serDes != null ? builder.serDes : new JacksonSerDes();
        this.executorService = builder.executorService != null ? builder.executorService : defaultExecutor();
        this.loggerConfig = builder.loggerConfig != null ? builder.loggerConfig : LoggerConfig.defaults();
        this.pollingStrategy = builder.pollingStrategy != null
                ? builder.pollingStrategy : PollingStrategies.Presets.DEFAULT;
        this.checkpointDelay = builder.checkpointDelay != null ? builder.checkpointDelay : Duration.ZERO;
        this.deserializeAfterSerialization = builder.deserializeAfterSerialization;
        this.pluginRunner = new Plugins(builder.plugins);
    }

    public static DurableConfig defaultConfig() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the configured client; without one, a client that explains it needs the official SDK */
    public DurableExecutionClient getDurableExecutionClient() {
        return durableExecutionClient;
    }

    public SerDes getSerDes() {
        return serDes;
    }

    /** @return the executor that runs steps and concurrent branches */
    public ExecutorService getExecutorService() {
        return executorService;
    }

    public LoggerConfig getLoggerConfig() {
        return loggerConfig;
    }

    public PollingStrategy getPollingStrategy() {
        return pollingStrategy;
    }

    /** @return how long checkpoints are collected before they are sent together; zero sends at once */
    public Duration getCheckpointDelay() {
        return checkpointDelay;
    }

    /** @return whether each result is deserialized right after serializing it, to catch SerDes errors early */
    public boolean shouldDeserializeAfterSerialization() {
        return deserializeAfterSerialization;
    }

    public PluginRunner getPluginRunner() {
        return pluginRunner;
    }

    /** @throws IllegalStateException naming the first part that is missing or invalid */
    public void validateConfiguration() {
        require(durableExecutionClient != null, "durableExecutionClient is required");
        require(serDes != null, "serDes is required");
        require(executorService != null, "executorService is required");
        require(!executorService.isShutdown(), "executorService has been shut down");
        require(loggerConfig != null, "loggerConfig is required");
        require(pollingStrategy != null, "pollingStrategy is required");
        require(checkpointDelay != null && !checkpointDelay.isNegative(),
                "checkpointDelay must be zero or positive, got: " + checkpointDelay);
        require(pluginRunner != null, "pluginRunner is required");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("Invalid DurableConfig: " + problem);
        }
    }

    private static ExecutorService defaultExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "durable-worker-" + count.incrementAndGet());
            // Daemon threads never keep a test JVM or a function runtime alive.
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(daemons);
    }

    public static final class Builder {
        // Only the official SDK builds a service client from it.
        private LambdaClientBuilder lambdaClientBuilder;
        private DurableExecutionClient durableExecutionClient;
        private SerDes serDes;
        private ExecutorService executorService;
        private LoggerConfig loggerConfig;
        private PollingStrategy pollingStrategy;
        private Duration checkpointDelay;
        // On by default, as in the official SDK: a first run returns what a replay would (a SerDes round-trip).
        private boolean deserializeAfterSerialization = true;
        private final List<DurableExecutionPlugin> plugins = new ArrayList<>();

        public Builder() {
        }

        /** Kept for the official SDK, which builds its service client from it; unused offline. */
        public Builder withLambdaClientBuilder(LambdaClientBuilder lambdaClientBuilder) {
            this.lambdaClientBuilder = lambdaClientBuilder;
            return this;
        }

        public Builder withDurableExecutionClient(DurableExecutionClient durableExecutionClient) {
            this.durableExecutionClient = durableExecutionClient;
            return this;
        }

        public Builder withSerDes(SerDes serDes) {
            this.serDes = serDes;
            return this;
        }

        public Builder withExecutorService(ExecutorService executorService) {
            this.executorService = executorService;
            return this;
        }

        public Builder withLoggerConfig(LoggerConfig loggerConfig) {
            this.loggerConfig = loggerConfig;
            return this;
        }

        public Builder withPollingStrategy(PollingStrategy pollingStrategy) {
            this.pollingStrategy = pollingStrategy;
            return this;
        }

        /** @throws IllegalArgumentException when the delay is negative */
        public Builder withCheckpointDelay(Duration checkpointDelay) {
            if (checkpointDelay != null && checkpointDelay.isNegative()) {
                throw new IllegalArgumentException("checkpointDelay must be zero or positive, got: " + checkpointDelay);
            }
            this.checkpointDelay = checkpointDelay;
            return this;
        }

        public Builder withDeserializeAfterSerialization(boolean deserializeAfterSerialization) {
            this.deserializeAfterSerialization = deserializeAfterSerialization;
            return this;
        }

        public Builder withPlugins(DurableExecutionPlugin... plugins) {
            if (plugins != null) {
                for (DurableExecutionPlugin plugin : Arrays.asList(plugins)) {
                    if (plugin == null) {
                        throw new IllegalArgumentException("withPlugins: a plugin must not be null");
                    }
                    this.plugins.add(plugin);
                }
            }
            return this;
        }

        public DurableConfig build() {
            return new DurableConfig(this);
        }
    }

    /** The plugins given to the builder; they have no effect offline. */
    private static final class Plugins implements PluginRunner {
        private final List<DurableExecutionPlugin> plugins;

        private Plugins(List<DurableExecutionPlugin> plugins) {
            this.plugins = List.copyOf(plugins);
        }

        @Override
        public String toString() {
            return "PluginRunner" + plugins;
        }
    }

    /** Stands in for the service client: this implementation runs executions locally only. */
    private static final class OfflineClient implements DurableExecutionClient {
        @Override
        public software.amazon.awssdk.services.lambda.model.CheckpointDurableExecutionResponse checkpoint(
                String durableExecutionArn, String checkpointToken,
                List<software.amazon.awssdk.services.lambda.model.OperationUpdate> updates) {
            throw notDeployed();
        }

        @Override
        public software.amazon.awssdk.services.lambda.model.GetDurableExecutionStateResponse getExecutionState(
                String durableExecutionArn, String checkpointToken, String marker) {
            throw notDeployed();
        }

        private static UnsupportedOperationException notDeployed() {
            return new UnsupportedOperationException("durable-local runs durable executions locally only; a deployed"
                    + " function uses the official AWS Durable Execution SDK, which the deploy build provides");
        }
    }
}
