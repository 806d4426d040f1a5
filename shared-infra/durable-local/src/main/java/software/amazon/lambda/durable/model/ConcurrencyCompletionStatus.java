package software.amazon.lambda.durable.model;

/** Why a {@code map} or {@code parallel} operation completed. */
public enum ConcurrencyCompletionStatus {
    ALL_COMPLETED,
    MIN_SUCCESSFUL_REACHED,
    FAILURE_TOLERANCE_EXCEEDED,
    CUSTOM_COMPLETION_SUCCEEDED,
    CUSTOM_COMPLETION_FAILED;

    @Override
    public String toString() {
        return name();
    }

    /** @return true for the statuses that count as a successful completion */
    public boolean isSucceeded() {
        return this == ALL_COMPLETED || this == MIN_SUCCESSFUL_REACHED || this == CUSTOM_COMPLETION_SUCCEEDED;
    }
}
