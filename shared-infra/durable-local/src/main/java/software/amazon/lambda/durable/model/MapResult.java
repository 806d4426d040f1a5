package software.amazon.lambda.durable.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Result of a {@code map}: one item per input, in input order, and why the operation completed. Errors are kept as
 * plain data ({@link MapError}) so the result survives checkpointing and replay.
 */
public record MapResult<T>(List<MapResultItem<T>> items, ConcurrencyCompletionStatus completionReason) {

    public MapResult {
        items = items != null ? Collections.unmodifiableList(new ArrayList<>(items)) : List.of();
        completionReason = completionReason != null ? completionReason : ConcurrencyCompletionStatus.ALL_COMPLETED;
    }

    public static <T> MapResult<T> empty() {
        return new MapResult<>(List.of(), ConcurrencyCompletionStatus.ALL_COMPLETED);
    }

    public MapResultItem<T> getItem(int index) {
        return items.get(index);
    }

    /** @return the result of item {@code index}, or {@code null} if it failed or was skipped */
    public T getResult(int index) {
        return items.get(index).result();
    }

    /** @return the error of item {@code index}, or {@code null} if it succeeded or was skipped */
    public MapError getError(int index) {
        return items.get(index).error();
    }

    /** @return true when every item succeeded */
    public boolean allSucceeded() {
        return items.stream().allMatch(item -> item.status() == MapResultItem.Status.SUCCEEDED);
    }

    public int size() {
        return items.size();
    }

    /** @return every item's result in input order, {@code null} for failed and skipped items */
    public List<T> results() {
        List<T> results = new ArrayList<>(items.size());
        for (MapResultItem<T> item : items) {
            results.add(item.result());
        }
        return Collections.unmodifiableList(results);
    }

    /** @return the results of the items that succeeded, in input order */
    public List<T> succeeded() {
        List<T> results = new ArrayList<>();
        for (MapResultItem<T> item : items) {
            if (item.status() == MapResultItem.Status.SUCCEEDED) {
                results.add(item.result());
            }
        }
        return Collections.unmodifiableList(results);
    }

    /** @return the errors of the items that failed, in input order */
    public List<MapError> failed() {
        return items.stream()
                .filter(item -> item.status() == MapResultItem.Status.FAILED)
                .map(MapResultItem::error)
                .toList();
    }

    /** An item's failure as data: the error type (class name), message and stack trace lines. */
    public record MapError(String errorType, String errorMessage, List<String> stackTrace) {

        public MapError {
            stackTrace = stackTrace != null ? List.copyOf(stackTrace) : List.of();
        }

        public static MapError of(Throwable error) {
            Objects.requireNonNull(error, "MapError.of: the error must not be null");
            List<String> frames = Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList();
            return new MapError(error.getClass().getName(), error.getMessage(), frames);
        }
    }

    /** One item of the result: its status and either its result or its error. */
    public record MapResultItem<T>(Status status, T result, MapError error) {

        public static <T> MapResultItem<T> succeeded(T result) {
            return new MapResultItem<>(Status.SUCCEEDED, result, null);
        }

        public static <T> MapResultItem<T> failed(MapError error) {
            return new MapResultItem<>(Status.FAILED, null, error);
        }

        public static <T> MapResultItem<T> skipped() {
            return new MapResultItem<>(Status.SKIPPED, null, null);
        }

        public enum Status {
            SUCCEEDED,
            FAILED,
            SKIPPED
        }
    }
}
