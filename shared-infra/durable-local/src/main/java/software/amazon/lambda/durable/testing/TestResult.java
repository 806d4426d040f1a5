package software.amazon.lambda.durable.testing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.serde.SerDes;

/** The state of a durable execution after a test run: status, result or error, operations and history. */
public class TestResult<O> {
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

    @SuppressWarnings("unchecked")
    public O getResult() {
        return getResult(outputType != null ? outputType : (TypeToken<O>) TypeToken.get(Object.class));
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

    /** The first operation with this name (nested operations included), or null. */
    public TestOperation getOperation(String name) {
        return operations.stream().filter(o -> o.getName() != null && o.getName().equals(name)).findFirst()
                .orElse(null);
    }

    public List<Event> getHistoryEvents() {
        return events;
    }

    public List<Event> getEventsForOperation(String name) {
        return events.stream().filter(e -> name != null && name.equals(e.name())).collect(Collectors.toList());
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

    public List<TestOperation> getFailedOperations() {
        return operations.stream().filter(o -> o.getStatus() == OperationStatus.FAILED).collect(Collectors.toList());
    }
}
