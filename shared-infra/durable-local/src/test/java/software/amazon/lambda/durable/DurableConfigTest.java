package software.amazon.lambda.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.logging.LoggerConfig;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.retry.PollingStrategies;
import software.amazon.lambda.durable.serde.JacksonSerDes;

class DurableConfigTest {

    @Test
    void defaultsAreComplete() throws Exception {
        DurableConfig config = DurableConfig.defaultConfig();

        config.validateConfiguration();
        assertThat(config.getSerDes()).isInstanceOf(JacksonSerDes.class);
        assertThat(config.getLoggerConfig()).isEqualTo(LoggerConfig.defaults());
        assertThat(config.getLoggerConfig().suppressReplayLogs()).isTrue();
        assertThat(config.getPollingStrategy()).isSameAs(PollingStrategies.Presets.DEFAULT);
        assertThat(config.getCheckpointDelay()).isEqualTo(Duration.ZERO);
        assertThat(config.getPluginRunner()).isNotNull();
        Thread worker = config.getExecutorService().submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        assertThat(worker.isDaemon()).as("default worker threads are daemons").isTrue();
    }

    @Test
    void theOfflineClientExplainsThatDeployingNeedsTheOfficialSdk() {
        assertThatThrownBy(() -> DurableConfig.defaultConfig().getDurableExecutionClient()
                .getExecutionState("arn", "token", null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("official AWS Durable Execution SDK");
    }

    @Test
    void anInvalidConfigurationNamesWhatIsWrong() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        DurableConfig config = DurableConfig.builder().withExecutorService(executor).build();

        assertThatThrownBy(config::validateConfiguration)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executorService");
        assertThatThrownBy(() -> DurableConfig.builder().withCheckpointDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("checkpointDelay");
    }

    @Test
    void subTypesMapToTheServiceOperationTypes() {
        assertThat(OperationSubType.STEP.getOperationType()).isEqualTo(OperationType.STEP);
        assertThat(OperationSubType.WAIT_FOR_CONDITION.getOperationType()).isEqualTo(OperationType.STEP);
        assertThat(OperationSubType.MAP_ITERATION.getOperationType()).isEqualTo(OperationType.CONTEXT);
        assertThat(OperationSubType.WAIT_FOR_CALLBACK.getOperationType()).isEqualTo(OperationType.CONTEXT);
        assertThat(OperationSubType.CHAINED_INVOKE.getOperationType()).isEqualTo(OperationType.CHAINED_INVOKE);
        assertThat(OperationSubType.RUN_IN_CHILD_CONTEXT.getValue()).isEqualTo("RunInChildContext");
        assertThat(OperationSubType.PARALLEL_BRANCH).hasToString("ParallelBranch");
    }
}
