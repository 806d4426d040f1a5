package software.amazon.lambda.durable.model;

import java.util.List;

/** Summary of a {@code parallel} operation: counts per outcome, why it completed, and each branch's status. */
public record ParallelResult(int size, int succeeded, int failed, int skipped,
        ConcurrencyCompletionStatus completionStatus, List<Status> statuses) {

    public ParallelResult {
        statuses = statuses != null ? List.copyOf(statuses) : List.of();
    }

    /** Outcome of one branch; SKIPPED when the operation completed before the branch started. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        SKIPPED
    }
}
