package durable.workshop.lesson1;

/**
 * What an execution is started with, for example {@code {"key": "test-item"}}; {@code {}} polls the default item.
 *
 * @param key the partition key ({@code pk}) of the item to watch
 */
public record PollingInput(String key) {
}
