package durable.workshop.lesson1;

/**
 * The result of a finished execution: small on purpose, because it is checkpointed.
 *
 * @param key   the item that was watched
 * @param value its value at the last poll (always "completed" for a successful execution)
 * @param polls how many times the item was read
 */
public record PollingResult(String key, String value, int polls) {
}
