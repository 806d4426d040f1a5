package software.amazon.lambda.durable.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.config.CompletionConfig.CompletionDecision;
import software.amazon.lambda.durable.config.CompletionConfig.CompletionStatus;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;

class CompletionConfigTest {

    /** successes, failures, out of total items, all registered */
    private static CompletionDecision decide(CompletionConfig config, int succeeded, int failed, int total) {
        return config.completionDecisionFunction()
                .apply(new CompletionStatus(succeeded, failed, succeeded + failed, total));
    }

    @Test
    void allCompletedWaitsForEveryItemWhateverFails() {
        CompletionConfig config = CompletionConfig.allCompleted();

        assertThat(decide(config, 1, 2, 4).shouldComplete()).isFalse();
        CompletionDecision done = decide(config, 1, 3, 4);
        assertThat(done.shouldComplete()).isTrue();
        assertThat(done.completionStatus()).isEqualTo(ConcurrencyCompletionStatus.ALL_COMPLETED);
    }

    @Test
    void allSuccessfulStopsAtTheFirstFailure() {
        CompletionDecision decision = decide(CompletionConfig.allSuccessful(), 1, 1, 5);

        assertThat(decision.shouldComplete()).isTrue();
        assertThat(decision.completionStatus()).isEqualTo(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
        assertThat(decision.isSucceeded()).isFalse();
        assertThat(decide(CompletionConfig.allSuccessful(), 3, 0, 5).shouldComplete()).isFalse();
    }

    @Test
    void firstSuccessfulStopsAtTheFirstSuccess() {
        assertThat(decide(CompletionConfig.firstSuccessful(), 0, 2, 5).shouldComplete()).isFalse();
        CompletionDecision decision = decide(CompletionConfig.firstSuccessful(), 1, 2, 5);
        assertThat(decision.completionStatus()).isEqualTo(ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED);
        assertThat(decision.isSucceeded()).isTrue();
    }

    @Test
    void minSuccessfulNeedsThatManySuccesses() {
        CompletionConfig config = CompletionConfig.minSuccessful(3);

        assertThat(decide(config, 2, 0, 5).shouldComplete()).isFalse();
        assertThat(decide(config, 3, 0, 5).completionStatus())
                .isEqualTo(ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED);
    }

    @Test
    void toleratedFailureCountAllowsExactlyThatManyFailures() {
        CompletionConfig config = CompletionConfig.toleratedFailureCount(2);

        assertThat(decide(config, 0, 2, 5).shouldComplete()).isFalse();
        assertThat(decide(config, 0, 3, 5).completionStatus())
                .isEqualTo(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
    }

    @Test
    void toleratedFailurePercentageIsAFractionOfAllItems() {
        CompletionConfig config = CompletionConfig.toleratedFailurePercentage(0.25);

        assertThat(decide(config, 0, 1, 4).shouldComplete()).isFalse(); // 25 % is still tolerated
        assertThat(decide(config, 0, 2, 4).completionStatus())
                .isEqualTo(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
    }

    @Test
    void aCustomFunctionDecides() {
        CompletionConfig config = CompletionConfig.shouldComplete(status -> status.successCount() == 2
                ? CompletionDecision.complete(ConcurrencyCompletionStatus.CUSTOM_COMPLETION_SUCCEEDED)
                : CompletionDecision.continueExecution());

        assertThat(config.hasCustomShouldComplete()).isTrue();
        assertThat(decide(config, 1, 0, 9).shouldComplete()).isFalse();
        assertThat(decide(config, 2, 0, 9).isSucceeded()).isTrue();
        assertThat(CompletionConfig.allCompleted().hasCustomShouldComplete()).isFalse();
    }

    @Test
    void itemsStillBeingRegisteredAreNotAllCompleted() {
        assertThat(new CompletionStatus(2, 0, 2, 2, false).allCompleted()).isFalse();
        assertThat(new CompletionStatus(2, 0, 2, 2).allCompleted()).isTrue();
        assertThat(CompletionConfig.allCompleted().completionDecisionFunction()
                .apply(new CompletionStatus(2, 0, 2, 2, false)).shouldComplete()).isFalse();
    }

    @Test
    void badThresholdsAreRejectedWithTheOfficialMessages() {
        // aws/aws-durable-execution-sdk-java, sdk/src/test/java/software/amazon/lambda/durable/config/
        // CompletionConfigTest.java: the factories validate, with these words.
        assertThatThrownBy(() -> CompletionConfig.minSuccessful(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minSuccessful must be at least 1, got: 0");
        assertThatThrownBy(() -> CompletionConfig.toleratedFailureCount(-1))
                .hasMessage("toleratedFailureCount must be non-negative, got: -1");
        assertThatThrownBy(() -> CompletionConfig.toleratedFailurePercentage(1.5))
                .hasMessage("toleratedFailurePercentage must be between 0.0 and 1.0, got: 1.5");
        assertThatThrownBy(() -> CompletionConfig.shouldComplete(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("shouldComplete cannot be null");
        assertThatThrownBy(() -> new CompletionConfig(1, null, null,
                s -> CompletionDecision.complete(ConcurrencyCompletionStatus.CUSTOM_COMPLETION_SUCCEEDED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shouldComplete is mutually exclusive with minSuccessful, toleratedFailureCount, and "
                        + "toleratedFailurePercentage");
    }

    @Test
    void enoughSuccessesWinOverFailuresAndMinSuccessfulNeverReachedEndsAsAllCompleted() {
        // The official threshold order: minSuccessful first, then the tolerated failures, then all completed.
        CompletionConfig both = new CompletionConfig(2, 0, null);
        assertThat(decide(both, 2, 1, 5).completionStatus())
                .isEqualTo(ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED);
        assertThat(decide(CompletionConfig.minSuccessful(3), 2, 1, 3).completionStatus())
                .isEqualTo(ConcurrencyCompletionStatus.ALL_COMPLETED);
        assertThatThrownBy(() -> CompletionConfig.minSuccessful(3).completionDecisionFunction()
                .apply(new CompletionStatus(2, 0, 2, 2, true))).isInstanceOf(IllegalStateException.class)
                .hasMessage("minSuccessful (3) exceeds the number of registered items (2)");
        // A percentage and a count together: the smaller number of failures is tolerated.
        assertThat(decide(new CompletionConfig(null, 3, 0.25), 0, 2, 4).completionStatus())
                .isEqualTo(ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);
    }

    @Test
    void statusesAndDecisionsCheckTheirOwnFields() {
        assertThat(new CompletionStatus(1, 0, 1, 3).allItemsRegistered()).isFalse();
        assertThatThrownBy(() -> new CompletionStatus(1, 1, 1, 3))
                .hasMessage("completedCount must equal successCount + failureCount");
        assertThatThrownBy(() -> new CompletionStatus(2, 2, 4, 3)).hasMessage("completedCount cannot exceed totalCount");
        assertThatThrownBy(() -> CompletionDecision.complete(null))
                .hasMessage("completionStatus is required when shouldComplete is true");
        assertThatThrownBy(() -> new CompletionDecision(false, ConcurrencyCompletionStatus.ALL_COMPLETED))
                .hasMessage("completionStatus must be null when shouldComplete is false");
        assertThat(CompletionDecision.complete(ConcurrencyCompletionStatus.CUSTOM_COMPLETION_FAILED).isSucceeded())
                .isFalse();
        assertThat(CompletionConfig.shouldComplete(s -> CompletionDecision.continueExecution())
                .completionDecisionFunction().apply(new CompletionStatus(2, 0, 2, 2)).shouldComplete())
                .as("a custom function alone decides").isFalse();
    }

    @Test
    void parallelConfigRejectsAFailurePercentage() {
        assertThatThrownBy(() -> ParallelConfig.builder()
                .completionConfig(CompletionConfig.toleratedFailurePercentage(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ParallelConfig does not support toleratedFailurePercentage");
        assertThat(ParallelConfig.builder().build().completionConfig()).isEqualTo(CompletionConfig.allCompleted());
        assertThat(ParallelConfig.builder().build().maxConcurrency()).isEqualTo(Integer.MAX_VALUE);
    }
}
