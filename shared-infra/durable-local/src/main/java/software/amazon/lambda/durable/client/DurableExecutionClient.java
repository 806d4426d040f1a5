package software.amazon.lambda.durable.client;

import java.util.List;
import software.amazon.awssdk.services.lambda.model.CheckpointDurableExecutionResponse;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionStateResponse;
import software.amazon.awssdk.services.lambda.model.OperationUpdate;

/** The two service calls a durable execution makes: saving checkpoints and reading back its state. */
public interface DurableExecutionClient {
    CheckpointDurableExecutionResponse checkpoint(String durableExecutionArn, String checkpointToken,
            List<OperationUpdate> updates);

    GetDurableExecutionStateResponse getExecutionState(String durableExecutionArn, String checkpointToken,
            String marker);
}
