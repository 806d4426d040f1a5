package software.amazon.lambda.durable.model;

/** Where an execution stands after an invocation. PENDING: suspended, waiting for time or an external event. */
public enum ExecutionStatus {
    SUCCEEDED,
    FAILED,
    PENDING;

    @Override
    public String toString() {
        return name();
    }
}
