package software.amazon.lambda.durable.testing;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.CallbackDetails;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeDetails;
import software.amazon.awssdk.services.lambda.model.ContextDetails;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.ExecutionDetails;
import software.amazon.awssdk.services.lambda.model.Operation;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.awssdk.services.lambda.model.StepDetails;
import software.amazon.awssdk.services.lambda.model.WaitDetails;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.serde.SerDes;

/** A snapshot of one durable operation as a test sees it. */
public class TestOperation {
    private final Operation operation;
    private final List<Event> events;
    private final SerDes serDes;

    public TestOperation(Operation operation, SerDes serDes) {
        this(operation, List.of(), serDes);
    }

    public TestOperation(Operation operation, List<Event> events, SerDes serDes) {
        if (operation == null) {
            throw new IllegalArgumentException("operation must not be null");
        }
        this.operation = operation;
        this.events = events == null ? List.of() : List.copyOf(events);
        this.serDes = serDes;
    }

    public List<Event> getEvents() {
        return events;
    }

    public String getId() {
        return operation.id();
    }

    public String getName() {
        return operation.name();
    }

    public OperationStatus getStatus() {
        return operation.status();
    }

    public OperationType getType() {
        return operation.type();
    }

    public String getSubtype() {
        return operation.subType();
    }

    public boolean isCompleted() {
        OperationStatus s = operation.status();
        return s == OperationStatus.SUCCEEDED || s == OperationStatus.FAILED || s == OperationStatus.TIMED_OUT
                || s == OperationStatus.STOPPED || s == OperationStatus.CANCELLED;
    }

    /** From start to end; zero while the operation is still running. */
    public Duration getDuration() {
        if (operation.startTimestamp() == null || operation.endTimestamp() == null) {
            return Duration.ZERO;
        }
        return Duration.between(operation.startTimestamp(), operation.endTimestamp());
    }

    public StepDetails getStepDetails() {
        return operation.stepDetails();
    }

    public WaitDetails getWaitDetails() {
        return operation.waitDetails();
    }

    public CallbackDetails getCallbackDetails() {
        return operation.callbackDetails();
    }

    public ChainedInvokeDetails getChainedInvokeDetails() {
        return operation.chainedInvokeDetails();
    }

    public ContextDetails getContextDetails() {
        return operation.contextDetails();
    }

    public ExecutionDetails getExecutionDetails() {
        return operation.executionDetails();
    }

    public <T> T getStepResult(Class<T> type) {
        return getStepResult(TypeToken.get(type));
    }

    /** The checkpointed result of a step or a waitForCondition; null for other operations, as in the official runner. */
    public <T> T getStepResult(TypeToken<T> type) {
        StepDetails d = operation.stepDetails();
        if (d == null || d.result() == null) {
            return null;
        }
        return serDes.deserialize(d.result(), type);
    }

    /** The error recorded for a step or a waitForCondition; null for other operations, as in the official runner. */
    public ErrorObject getError() {
        StepDetails d = operation.stepDetails();
        return d == null ? null : d.error();
    }

    /**
     * The attempt count the log holds for a step or a waitForCondition: the number of attempts (polls) that ended in
     * a retry or a failure, so a step that failed on its third attempt reports 3, and one that succeeded on its third
     * reports 2. 1 when nothing is recorded (a first-time success, or another kind of operation), as in the
     * official runner.
     */
    public int getAttempt() {
        StepDetails d = operation.stepDetails();
        return d == null || d.attempt() == null ? 1 : d.attempt();
    }
}
