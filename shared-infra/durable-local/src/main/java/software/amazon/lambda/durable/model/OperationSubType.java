package software.amazon.lambda.durable.model;

import software.amazon.awssdk.services.lambda.model.OperationType;

/**
 * What a checkpointed operation is, finer than its {@link OperationType}: for example a {@code map} and a
 * {@code parallel} are both CONTEXT operations. {@link #getValue()} is the string stored in the checkpoint.
 */
public enum OperationSubType {
    STEP("Step", OperationType.STEP),
    WAIT("Wait", OperationType.WAIT),
    CALLBACK("Callback", OperationType.CALLBACK),
    CHAINED_INVOKE("ChainedInvoke", OperationType.CHAINED_INVOKE),
    RUN_IN_CHILD_CONTEXT("RunInChildContext", OperationType.CONTEXT),
    MAP("Map", OperationType.CONTEXT),
    MAP_ITERATION("MapIteration", OperationType.CONTEXT),
    PARALLEL("Parallel", OperationType.CONTEXT),
    PARALLEL_BRANCH("ParallelBranch", OperationType.CONTEXT),
    WAIT_FOR_CALLBACK("WaitForCallback", OperationType.CONTEXT),
    WAIT_FOR_CONDITION("WaitForCondition", OperationType.STEP),
    WITH_RETRY("WithRetry", OperationType.CONTEXT);

    private final String value;
    private final OperationType operationType;

    OperationSubType(String value, OperationType operationType) {
        this.value = value;
        this.operationType = operationType;
    }

    public OperationType getOperationType() {
        return operationType;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
