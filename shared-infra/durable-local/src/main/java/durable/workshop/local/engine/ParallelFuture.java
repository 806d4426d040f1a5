package durable.workshop.local.engine;

import java.util.Objects;
import java.util.function.Function;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.ParallelDurableFuture;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.config.ParallelBranchConfig;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.serde.SerDes;

/** A parallel operation: each {@link #branch} is a child context; {@link #get()} waits for the completion rule. */
final class ParallelFuture implements ParallelDurableFuture {
    private final Batch batch;
    private ParallelResult result;

    ParallelFuture(Batch batch) {
        this.batch = batch;
        // As in the official SDK the parallel checkpoints its ParallelResult when it is decided.
        batch.checkpointWith(batch::parallelResult, batch.innerContext().ex.serDes);
    }

    @Override
    public <T> DurableFuture<T> branch(
            String name, TypeToken<T> type, Function<DurableContext, T> fn, ParallelBranchConfig config) {
        return batch.innerContext().ex.scheduler.locked(() -> addBranch(name, type, fn, config));
    }

    private <T> DurableFuture<T> addBranch(
            String name, TypeToken<T> type, Function<DurableContext, T> fn, ParallelBranchConfig config) {
        batch.innerContext().validateName(name, "parallel branch");
        batch.innerContext().checkCanStart("parallel branch", name);
        Objects.requireNonNull(type, "branch result type");
        Objects.requireNonNull(fn, "branch function");
        SerDes sd = batch.innerContext().serDesOr(config == null ? null : config.serDes());
        return batch.add(name, OperationSubType.PARALLEL_BRANCH, type, sd, fn::apply,
                LocalDurableContext.FailMode.BRANCH);
    }

    @Override
    public ParallelResult get() {
        return batch.innerContext().ex.scheduler.locked(() -> {
            if (result == null) {
                batch.awaitDecision();
                result = batch.parallelResult();
            }
            return result;
        });
    }

    @Override
    public void close() {
        get();
    }
}
