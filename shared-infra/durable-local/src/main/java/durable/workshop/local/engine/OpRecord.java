package durable.workshop.local.engine;

import java.time.Instant;
import software.amazon.awssdk.services.lambda.model.CallbackDetails;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeDetails;
import software.amazon.awssdk.services.lambda.model.ContextDetails;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.awssdk.services.lambda.model.StepDetails;
import software.amazon.awssdk.services.lambda.model.WaitDetails;
import software.amazon.lambda.durable.model.OperationSubType;

/** One entry of the checkpoint log: the mutable state the local "service" keeps for an operation. */
public final class OpRecord {
    final String id;
    final String parentId;
    final String name;
    final OperationType type;
    final String subType;
    /**
     * The id of the context whose counter gave this operation its id; the parent id except for the operations of a
     * FLAT parallel branch or map item, whose parent is the batch while their ids derive from the branch.
     */
    String scope;

    OperationStatus status;
    /**
     * Steps and condition polls: how many attempts have ended in a retry or a failure, as the service records it
     * (0, reported as no attempt, until the first one does; a success leaves it as it was). The attempt that runs
     * next is this number plus one.
     */
    int attempt;
    String result;
    ErrorObject error;
    Instant start;
    Instant end;
    /** Steps and condition polls: when the next attempt may run. */
    Instant nextAttemptAt;
    /** Waits: when the wait is over. */
    Instant waitEnd;
    /** Callbacks. */
    String callbackId;
    Instant callbackDeadline;
    /** Contexts: the children replay to rebuild the result (a parallel, or a result too large to checkpoint). */
    boolean replayChildren;
    /** Chained invokes. */
    String functionName;
    String payload;

    OpRecord(String id, String parentId, String name, OperationType type, String subType, Instant now) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.type = type;
        this.subType = subType;
        this.start = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OperationType type() {
        return type;
    }

    public OperationStatus status() {
        return status;
    }

    boolean isTerminal() {
        return status == OperationStatus.SUCCEEDED
                || status == OperationStatus.FAILED
                || status == OperationStatus.TIMED_OUT
                || status == OperationStatus.STOPPED
                || status == OperationStatus.CANCELLED;
    }

    void finish(OperationStatus finalStatus, Instant now) {
        status = finalStatus;
        end = now;
        nextAttemptAt = null;
    }

    /** The operation as the service API models it. */
    public Operation toOperation() {
        Operation.Builder b = Operation.builder()
                .id(id)
                .parentId(parentId)
                .name(name)
                .type(type)
                .subType(subType)
                .status(status)
                .startTimestamp(start)
                .endTimestamp(end);
        switch (type) {
            case STEP -> b.stepDetails(StepDetails.builder()
                    .attempt(attempt == 0 ? null : attempt)
                    .nextAttemptTimestamp(nextAttemptAt)
                    .result(result)
                    .error(error)
                    .build());
            case WAIT -> b.waitDetails(WaitDetails.builder().scheduledEndTimestamp(waitEnd).build());
            case CALLBACK -> b.callbackDetails(CallbackDetails.builder()
                    .callbackId(callbackId)
                    .result(result)
                    .error(error)
                    .build());
            case CHAINED_INVOKE -> b.chainedInvokeDetails(
                    ChainedInvokeDetails.builder().result(result).error(error).build());
            case CONTEXT -> b.contextDetails(ContextDetails.builder()
                    .result(result)
                    .error(error)
                    .replayChildren(replayChildren ? Boolean.TRUE : null)
                    .build());
            default -> { }
        }
        return b.build();
    }

    /** Short human label, e.g. {@code step "charge"}. */
    String label() {
        return name == null ? kind() + " " + LocalDurableContext.shortId(id) + " (no name)"
                : kind() + " \"" + name + "\"";
    }

    String kind() {
        return kindOf(type, subType);
    }

    static String kindOf(OperationType type, String subType) {
        if (subType != null) {
            if (subType.equals(OperationSubType.WAIT_FOR_CONDITION.getValue())) return "wait-for-condition";
            if (subType.equals(OperationSubType.WAIT_FOR_CALLBACK.getValue())) return "wait-for-callback";
            if (subType.equals(OperationSubType.PARALLEL.getValue())) return "parallel";
            if (subType.equals(OperationSubType.PARALLEL_BRANCH.getValue())) return "branch";
            if (subType.equals(OperationSubType.MAP.getValue())) return "map";
            if (subType.equals(OperationSubType.MAP_ITERATION.getValue())) return "map item";
            if (subType.equals(OperationSubType.WITH_RETRY.getValue())) return "with-retry";
        }
        return switch (type) {
            case STEP -> "step";
            case WAIT -> "wait";
            case CALLBACK -> "callback";
            case CHAINED_INVOKE -> "invoke";
            case CONTEXT -> "context";
            default -> type.toString().toLowerCase();
        };
    }
}
