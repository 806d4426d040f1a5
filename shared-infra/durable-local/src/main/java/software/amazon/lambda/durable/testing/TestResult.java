package software.amazon.lambda.durable.testing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.serde.SerDes;

/** The state of a durable execution after a test run: status, result or error, operations and history. */
public class TestResult<O> {
    private static final Set<OperationStatus> FAILED_STATUSES = Set.of(OperationStatus.FAILED,
            OperationStatus.CANCELLED, OperationStatus.TIMED_OUT, OperationStatus.STOPPED);
    private final ExecutionStatus status;
    private final String resultPayload;
    private final ErrorObject error;
    private final List<TestOperation> operations;
    private final List<Event> events;
    private final TypeToken<O> outputType;
    private final SerDes serDes;

    public TestResult(ExecutionStatus status, String resultPayload, ErrorObject error, List<TestOperation> operations,
            List<Event> events, TypeToken<O> outputType, SerDes serDes) {
        this.status = status;
        this.resultPayload = resultPayload;
        this.error = error;
        this.operations = operations == null ? List.of() : List.copyOf(operations);
        this.events = events == null ? List.of() : List.copyOf(events);
        this.outputType = outputType;
        this.serDes = serDes;
    }

    public ExecutionStatus getStatus() {
        return status;
    }

    public <T> T getResult(Class<T> type) {
        return getResult(TypeToken.get(type));
    }

    public <T> T getResult(TypeToken<T> type) {
        if (status != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("The execution has no result: its status is " + status
                    + error().map(e -> " (" + e.errorType() + ": " + e.errorMessage() + ")").orElse(""));
        }
        return resultPayload == null ? null : serDes.deserialize(resultPayload, type);
    }

    /** Needs the runner's output type ({@code withOutputType}); like the official runner, fails without one. */
    public O getResult() {
        Objects.requireNonNull(outputType, "ResultType cannot be null: call getResult(type) or create the runner "
                + "with withOutputType(type)");
        return getResult(outputType);
    }

    private Optional<ErrorObject> error() {
        return Optional.ofNullable(error);
    }

    public Optional<ErrorObject> getError() {
        return error();
    }

    /** Every operation of the execution, nested ones included, in the order they started. */
    public List<TestOperation> getOperations() {
        return operations;
    }

    /**
     * The operation with this name (nested operations included), or null. When several have the name (a step in
     * every map item, say) it is the last of them, as in the official runner; the runner's own getOperation gives
     * the first.
     */
    public TestOperation getOperation(String name) {
        TestOperation found = null;
        for (TestOperation o : operations) {
            if (o.getName() != null && o.getName().equals(name)) {
                found = o;
            }
        }
        return found;
    }

    public List<Event> getHistoryEvents() {
        return events;
    }

    /** The events of the operation {@link #getOperation(String)} finds; empty if there is none. */
    public List<Event> getEventsForOperation(String name) {
        TestOperation operation = getOperation(name);
        return operation == null ? List.of() : operation.getEvents();
    }

    public boolean isSucceeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }

    public boolean isFailed() {
        return status == ExecutionStatus.FAILED;
    }

    public List<TestOperation> getSucceededOperations() {
        return operations.stream().filter(o -> o.getStatus() == OperationStatus.SUCCEEDED).collect(Collectors.toList());
    }

    /** Operations that failed, were cancelled, timed out or were stopped. */
    public List<TestOperation> getFailedOperations() {
        return operations.stream().filter(o -> FAILED_STATUSES.contains(o.getStatus())).collect(Collectors.toList());
    }
}
