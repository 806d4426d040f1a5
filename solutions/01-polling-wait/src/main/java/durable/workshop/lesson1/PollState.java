package durable.workshop.lesson1;

/**
 * What the condition check hands from one poll to the next. The SDK checkpoints it after every poll, so on
 * replay the next check starts from here instead of from scratch.
 *
 * @param key   the item being watched
 * @param value the value read at the last poll ({@code null} before the first one)
 * @param polls how many polls have happened so far
 */
public record PollState(String key, String value, int polls) {

    /** The state before the first poll. */
    public static PollState start(String key) {
        return new PollState(key, null, 0);
    }
}
