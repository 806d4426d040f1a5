package software.amazon.lambda.durable.model;

/** What a {@code waitForCondition} check returns: the new state, and whether to stop polling. */
public record WaitForConditionResult<T>(T value, boolean isDone) {

    /** The condition holds: stop polling and make {@code value} the operation's result. */
    public static <T> WaitForConditionResult<T> stopPolling(T value) {
        return new WaitForConditionResult<>(value, true);
    }

    /** Not yet: wait as the wait strategy says, then check again with {@code value} as the state. */
    public static <T> WaitForConditionResult<T> continuePolling(T value) {
        return new WaitForConditionResult<>(value, false);
    }
}
