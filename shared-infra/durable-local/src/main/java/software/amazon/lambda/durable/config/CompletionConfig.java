package software.amazon.lambda.durable.config;

import java.util.function.Function;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;

/**
 * When a {@code map} or {@code parallel} operation is complete. Either thresholds (minimum successes, tolerated
 * failures as a count or a fraction of all items) or a custom decision function.
 *
 * <p>Failure tolerance is checked first: more failures than tolerated completes with
 * {@link ConcurrencyCompletionStatus#FAILURE_TOLERANCE_EXCEEDED}; then enough successes completes with
 * {@link ConcurrencyCompletionStatus#MIN_SUCCESSFUL_REACHED}; otherwise the operation completes with
 * {@link ConcurrencyCompletionStatus#ALL_COMPLETED} once every item has finished.
 */
public record CompletionConfig(Integer minSuccessful, Integer toleratedFailureCount, Double toleratedFailurePercentage,
        Function<CompletionStatus, CompletionDecision> shouldComplete) {

    public CompletionConfig {
        if (minSuccessful != null && minSuccessful < 1) {
            throw new IllegalArgumentException("minSuccessful must be at least 1, got: " + minSuccessful);
        }
        if (toleratedFailureCount != null && toleratedFailureCount < 0) {
            throw new IllegalArgumentException(
                    "toleratedFailureCount must not be negative, got: " + toleratedFailureCount);
        }
        if (toleratedFailurePercentage != null
                && (toleratedFailurePercentage < 0.0 || toleratedFailurePercentage > 1.0)) {
            throw new IllegalArgumentException("toleratedFailurePercentage must be between 0.0 and 1.0, got: "
                    + toleratedFailurePercentage);
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
        return new CompletionConfig(count, null, null);
    }

    /** Complete as failed once more than {@code count} items fail. */
    public static CompletionConfig toleratedFailureCount(int count) {
        return new CompletionConfig(null, count, null);
    }

    /** Complete as failed once the failed fraction of all items exceeds {@code percentage} (0.0 to 1.0). */
    public static CompletionConfig toleratedFailurePercentage(double percentage) {
        return new CompletionConfig(null, null, percentage);
    }

    /** Let a function decide after each finished item. */
    public static CompletionConfig shouldComplete(Function<CompletionStatus, CompletionDecision> decision) {
        if (decision == null) {
            throw new IllegalArgumentException("shouldComplete: the decision function must not be null");
        }
        return new CompletionConfig(null, null, null, decision);
    }

    /** @return the decision to apply after each finished item: the custom one, or one built from the thresholds */
    public Function<CompletionStatus, CompletionDecision> completionDecisionFunction() {
        if (shouldComplete != null) {
            return shouldComplete;
        }
        return this::decideByThresholds;
    }

    public boolean hasCustomShouldComplete() {
        return shouldComplete != null;
    }

    private CompletionDecision decideByThresholds(CompletionStatus status) {
        if (toleratedFailureCount != null && status.failureCount() > toleratedFailureCount) {
            return CompletionDecision.complete(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
        }
        if (toleratedFailurePercentage != null && status.totalCount() > 0
                && (double) status.failureCount() / status.totalCount() > toleratedFailurePercentage) {
            return CompletionDecision.complete(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
        }
        if (minSuccessful != null && status.successCount() >= minSuccessful) {
            return CompletionDecision.complete(ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED);
        }
        if (status.allCompleted()) {
            return CompletionDecision.complete(ConcurrencyCompletionStatus.ALL_COMPLETED);
        }
        return CompletionDecision.continueExecution();
    }

    /** Whether to stop now, and with which outcome. */
    public record CompletionDecision(boolean shouldComplete, ConcurrencyCompletionStatus completionStatus) {

        public static CompletionDecision complete(ConcurrencyCompletionStatus status) {
            if (status == null) {
                throw new IllegalArgumentException("CompletionDecision.complete: the status must not be null");
            }
            return new CompletionDecision(true, status);
        }

        public static CompletionDecision continueExecution() {
            return new CompletionDecision(false, null);
        }

        /** @return true when the decision completes the operation with a successful status */
        public boolean isSucceeded() {
            return shouldComplete && completionStatus != null && completionStatus.isSucceeded();
        }
    }

    /** Progress of the items so far. {@code allItemsRegistered} is false while parallel branches are still added. */
    public record CompletionStatus(int successCount, int failureCount, int completedCount, int totalCount,
            boolean allItemsRegistered) {

        public CompletionStatus(int successCount, int failureCount, int completedCount, int totalCount) {
            this(successCount, failureCount, completedCount, totalCount, true);
        }

        /** @return true when every item is registered and has finished */
        public boolean allCompleted() {
            return allItemsRegistered && completedCount >= totalCount;
        }
    }
}
