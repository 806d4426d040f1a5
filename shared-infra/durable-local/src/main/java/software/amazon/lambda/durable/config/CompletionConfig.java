package software.amazon.lambda.durable.config;

import java.util.Objects;
import java.util.function.Function;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;

/**
 * When a {@code map} or {@code parallel} operation is complete. Either thresholds (minimum successes, tolerated
 * failures as a count or a fraction of all items) or a custom decision function, never both.
 *
 * <p>The thresholds are checked in the official SDK's order after every finished item: enough successes completes
 * with {@link ConcurrencyCompletionStatus#MIN_SUCCESSFUL_REACHED}; then more failures than tolerated completes with
 * {@link ConcurrencyCompletionStatus#FAILURE_TOLERANCE_EXCEEDED}; otherwise the operation completes with
 * {@link ConcurrencyCompletionStatus#ALL_COMPLETED} once every item has finished, also when fewer than
 * {@code minSuccessful} succeeded.
 */
public record CompletionConfig(Integer minSuccessful, Integer toleratedFailureCount, Double toleratedFailurePercentage,
        Function<CompletionStatus, CompletionDecision> shouldComplete) {

    public CompletionConfig {
        if (shouldComplete != null
                && (minSuccessful != null || toleratedFailureCount != null || toleratedFailurePercentage != null)) {
            throw new IllegalArgumentException("shouldComplete is mutually exclusive with minSuccessful, "
                    + "toleratedFailureCount, and toleratedFailurePercentage");
        }
    }

    public CompletionConfig(Integer minSuccessful, Integer toleratedFailureCount, Double toleratedFailurePercentage) {
        this(minSuccessful, toleratedFailureCount, toleratedFailurePercentage, null);
    }

    /** Every item must succeed: the first failure completes the operation as failed. */
    public static CompletionConfig allSuccessful() {
        return new CompletionConfig(null, 0, null);
    }

    /** Every item runs, whatever fails; failures are reported per item. */
    public static CompletionConfig allCompleted() {
        return new CompletionConfig(null, null, null);
    }

    /** Complete as soon as one item succeeds. */
    public static CompletionConfig firstSuccessful() {
        return new CompletionConfig(1, null, null);
    }

    /** Complete as soon as {@code count} items succeed. */
    public static CompletionConfig minSuccessful(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("minSuccessful must be at least 1, got: " + count);
        }
        return new CompletionConfig(count, null, null);
    }

    /** Complete as failed once more than {@code count} items fail. */
    public static CompletionConfig toleratedFailureCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("toleratedFailureCount must be non-negative, got: " + count);
        }
        return new CompletionConfig(null, count, null);
    }

    /** Complete as failed once the failed fraction of all items exceeds {@code percentage} (0.0 to 1.0). */
    public static CompletionConfig toleratedFailurePercentage(double percentage) {
        if (percentage < 0.0 || percentage > 1.0) {
            throw new IllegalArgumentException(
                    "toleratedFailurePercentage must be between 0.0 and 1.0, got: " + percentage);
        }
        return new CompletionConfig(null, null, percentage);
    }

    /** Let a function decide after each finished item; it alone decides, also once every item has finished. */
    public static CompletionConfig shouldComplete(Function<CompletionStatus, CompletionDecision> decision) {
        Objects.requireNonNull(decision, "shouldComplete cannot be null");
        return new CompletionConfig(null, null, null, decision);
    }

    /** @return the decision to apply after each finished item: the custom one, or one built from the thresholds */
    public Function<CompletionStatus, CompletionDecision> completionDecisionFunction() {
        return shouldComplete != null ? shouldComplete : this::decideByThresholds;
    }

    public boolean hasCustomShouldComplete() {
        return shouldComplete != null;
    }

    private CompletionDecision decideByThresholds(CompletionStatus status) {
        if (minSuccessful != null) {
            if (status.successCount() >= minSuccessful) {
                return CompletionDecision.complete(ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED);
            }
            if (status.allItemsRegistered() && status.totalCount() < minSuccessful) {
                throw new IllegalStateException("minSuccessful (" + minSuccessful
                        + ") exceeds the number of registered items (" + status.totalCount() + ")");
            }
        }
        Integer tolerated = toleratedFailures(status.totalCount());
        if (tolerated != null && status.failureCount() > tolerated) {
            return CompletionDecision.complete(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
        }
        if (status.allCompleted()) {
            return CompletionDecision.complete(ConcurrencyCompletionStatus.ALL_COMPLETED);
        }
        return CompletionDecision.continueExecution();
    }

    /** The failures tolerated: the count, the percentage of all items rounded down, or the smaller of both. */
    private Integer toleratedFailures(int totalCount) {
        if (toleratedFailureCount == null && toleratedFailurePercentage == null) {
            return null;
        }
        int byCount = toleratedFailureCount != null ? toleratedFailureCount : Integer.MAX_VALUE;
        int byPercentage = toleratedFailurePercentage != null
                ? (int) Math.floor(totalCount * toleratedFailurePercentage) : Integer.MAX_VALUE;
        return Math.min(byCount, byPercentage);
    }

    /** Whether to stop now, and with which outcome (a status exactly when stopping). */
    public record CompletionDecision(boolean shouldComplete, ConcurrencyCompletionStatus completionStatus) {

        public CompletionDecision {
            if (shouldComplete && completionStatus == null) {
                throw new IllegalArgumentException("completionStatus is required when shouldComplete is true");
            }
            if (!shouldComplete && completionStatus != null) {
                throw new IllegalArgumentException("completionStatus must be null when shouldComplete is false");
            }
        }

        public static CompletionDecision complete(ConcurrencyCompletionStatus status) {
            return new CompletionDecision(true, status);
        }

        public static CompletionDecision continueExecution() {
            return new CompletionDecision(false, null);
        }

        /** @return true when the decision completes the operation with a successful status */
        public boolean isSucceeded() {
            return shouldComplete && completionStatus.isSucceeded();
        }
    }

    /**
     * Progress of the items so far. {@code allItemsRegistered} is false while parallel branches are still added;
     * the four-argument form takes the items as all registered once every one has finished.
     */
    public record CompletionStatus(int successCount, int failureCount, int completedCount, int totalCount,
            boolean allItemsRegistered) {

        public CompletionStatus {
            if (successCount < 0 || failureCount < 0 || completedCount < 0 || totalCount < 0) {
                throw new IllegalArgumentException("completion counts must be non-negative");
            }
            if (completedCount != successCount + failureCount) {
                throw new IllegalArgumentException("completedCount must equal successCount + failureCount");
            }
            if (completedCount > totalCount) {
                throw new IllegalArgumentException("completedCount cannot exceed totalCount");
            }
        }

        public CompletionStatus(int successCount, int failureCount, int completedCount, int totalCount) {
            this(successCount, failureCount, completedCount, totalCount, completedCount == totalCount);
        }

        /** @return true when every item is registered and has finished */
        public boolean allCompleted() {
            return allItemsRegistered && completedCount == totalCount;
        }
    }
}
