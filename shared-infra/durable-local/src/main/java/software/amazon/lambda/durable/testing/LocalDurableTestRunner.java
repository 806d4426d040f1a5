package software.amazon.lambda.durable.testing;

import durable.workshop.local.engine.LocalExecution;
import durable.workshop.local.engine.LocalLambdaContext;
import durable.workshop.local.engine.OpRecord;
import durable.workshop.local.engine.RunnerState;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.model.ExecutionStatus;

/**
 * Runs a durable handler in memory the way the service would: every invocation runs the handler from the top and
 * replays completed operations from the checkpoint log; waits and retry delays pass in virtual time.
 *
 * <p>{@link #run} performs one invocation; {@link #runUntilComplete} keeps invoking (advancing virtual time through
 * waits and retry delays) until the execution ends or waits for a callback or a chained invoke, which the test
 * completes before running again. The runner keeps one checkpoint log: a run after the execution ended replays it.
 */
public class LocalDurableTestRunner<I, O> {
    /** Like the official runner, runUntilComplete gives up (and returns PENDING) after this many invocations. */
    private static final int MAX_INVOCATIONS = 100;
    /** Strict replay (a course extra) ends an invocation after every checkpoint, so it needs many more. */
    private static final int MAX_STRICT_INVOCATIONS = 100_000;

    private final TypeToken<I> inputType;
    private final BiFunction<I, DurableContext, O> handler;
    private final RunnerState state;
    private DurableConfig config;
    private TypeToken<O> outputType;

    private LocalDurableTestRunner(TypeToken<I> inputType, BiFunction<I, DurableContext, O> handler,
            DurableConfig config, TypeToken<O> outputType) {
        if (inputType == null) {
            throw new IllegalArgumentException("The input type must not be null.");
        }
        if (handler == null) {
            throw new IllegalArgumentException("The handler must not be null.");
        }
        this.inputType = inputType;
        this.handler = handler;
        this.config = config != null ? config : DurableConfig.defaultConfig();
        this.outputType = outputType;
        this.state = RunnerState.register(this);
    }

    public static <I, O> LocalDurableTestRunner<I, O> create(
            Class<I> inputType, BiFunction<I, DurableContext, O> handler) {
        return new LocalDurableTestRunner<>(token(inputType), handler, null, null);
    }

    public static <I, O> LocalDurableTestRunner<I, O> create(
            TypeToken<I> inputType, BiFunction<I, DurableContext, O> handler) {
        return new LocalDurableTestRunner<>(inputType, handler, null, null);
    }

    public static <I, O> LocalDurableTestRunner<I, O> create(
            Class<I> inputType, BiFunction<I, DurableContext, O> handler, DurableConfig config) {
        return new LocalDurableTestRunner<>(token(inputType), handler, config, null);
    }

    public static <I, O> LocalDurableTestRunner<I, O> create(
            TypeToken<I> inputType, BiFunction<I, DurableContext, O> handler, DurableConfig config) {
        return new LocalDurableTestRunner<>(inputType, handler, config, null);
    }

    public static <I, O> LocalDurableTestRunner<I, O> create(Class<I> inputType, DurableHandler<I, O> handler) {
        return create(token(inputType), handler);
    }

    /**
     * Uses the handler's configuration. As in the official runner the output type is not taken from the handler:
     * {@code result.getResult()} without a type needs {@link #withOutputType}.
     */
    public static <I, O> LocalDurableTestRunner<I, O> create(TypeToken<I> inputType, DurableHandler<I, O> handler) {
        if (handler == null) {
            throw new IllegalArgumentException("The handler must not be null.");
        }
        return new LocalDurableTestRunner<>(inputType, handler::handleRequest, handler.getConfiguration(), null);
    }

    private static <T> TypeToken<T> token(Class<T> cls) {
        if (cls == null) {
            throw new IllegalArgumentException("The input type must not be null.");
        }
        return TypeToken.get(cls);
    }

    /** A new runner (with a checkpoint log of its own, as in the official runner) that uses this configuration. */
    public LocalDurableTestRunner<I, O> withDurableConfig(DurableConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("The DurableConfig must not be null.");
        }
        return copy(config, outputType);
    }

    /** A new runner (with a checkpoint log of its own, as in the official runner) whose results have this type. */
    public LocalDurableTestRunner<I, O> withOutputType(TypeToken<O> outputType) {
        return copy(config, outputType);
    }

    public LocalDurableTestRunner<I, O> withOutputType(Class<O> outputType) {
        return copy(config, outputType == null ? null : TypeToken.get(outputType));
    }

    private LocalDurableTestRunner<I, O> copy(DurableConfig newConfig, TypeToken<O> newOutputType) {
        LocalDurableTestRunner<I, O> copy = new LocalDurableTestRunner<>(inputType, handler, newConfig, newOutputType);
        // The course's own runner settings carry over.
        copy.state.strict(state.strict());
        copy.state.callbackTimeouts(state.callbackTimeouts());
        return copy;
    }

    /** One invocation. Returns PENDING whenever the execution suspends. */
    public TestResult<O> run(I input) {
        LocalExecution ex = current(input);
        ex.invoke(handler, inputType, new LocalLambdaContext("local-" + ex.invocationCount()));
        return result(ex);
    }

    /**
     * Invokes until the execution succeeds or fails, letting virtual time pass for waits and retry delays. Returns
     * PENDING when the execution waits for a callback or a chained invoke that the test has to complete.
     */
    public TestResult<O> runUntilComplete(I input) {
        LocalExecution ex = current(input);
        int limit = ex.isStrict() ? MAX_STRICT_INVOCATIONS : MAX_INVOCATIONS;
        for (int i = 0; i < limit; i++) {
            ex.invoke(handler, inputType, new LocalLambdaContext("local-" + ex.invocationCount()));
            if (ex.status() != ExecutionStatus.PENDING) {
                break;
            }
            if (ex.lastInvocationSuspendedForStrictReplay()) {
                continue;
            }
            Instant next = ex.nextTimer(false);
            if (next == null) {
                break;
            }
            ex.advanceTo(next);
        }
        // Still PENDING after the last invocation allowed: returned as it is, as the official runner does.
        return result(ex);
    }

    private LocalExecution current(I input) {
        LocalExecution ex = state.execution();
        if (ex != null && ex.status() != ExecutionStatus.PENDING) {
            // Like the official runner: the checkpoint log stays, a new run replays it.
            ex.reopenForReplay();
        }
        if (ex == null) {
            String payload;
            try {
                payload = config.getSerDes().serialize(input);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The execution input (" + (input == null ? "null"
                        : input.getClass().getName()) + ") could not be serialized: " + e.getMessage(), e);
            }
            boolean strict = state.strict() || "strict".equalsIgnoreCase(System.getProperty("durable.local.replay"));
            ex = new LocalExecution(config, payload, strict);
            ex.enforceCallbackTimeouts(state.callbackTimeouts());
            state.execution(ex);
        }
        return ex;
    }

    private LocalExecution started() {
        LocalExecution ex = state.execution();
        if (ex == null) {
            throw new IllegalStateException("No execution yet: call run(input) or runUntilComplete(input) first.");
        }
        return ex;
    }

    private TestResult<O> result(LocalExecution ex) {
        List<Event> events = OfficialHistory.of(ex.events());
        List<TestOperation> ops = ex.records().stream().map(r -> toTestOperation(r, events))
                .collect(Collectors.toList());
        return new TestResult<>(ex.status(), ex.resultPayload(), ex.error(), ops, events, outputType,
                config.getSerDes());
    }

    private TestOperation toTestOperation(OpRecord r, List<Event> events) {
        List<Event> own = events.stream().filter(e -> r.id().equals(e.id())).collect(Collectors.toList());
        return new TestOperation(r.toOperation(), own, config.getSerDes());
    }

    /** Sets the named operation back to STARTED, as if the invocation had crashed before it finished. */
    public void resetCheckpointToStarted(String name) {
        started().resetToStarted(name);
    }

    /** Drops the named operation's checkpoints, as if the fire-and-forget checkpoint had been lost. */
    public void simulateFireAndForgetCheckpointLoss(String name) {
        started().loseCheckpoint(name);
    }

    /** The first operation with this name (nested operations included, in the order they started), or null. */
    public TestOperation getOperation(String name) {
        LocalExecution ex = started();
        OpRecord r = ex.find(name);
        // As in the official runner, without events: those come with the TestResult.
        return r == null ? null : new TestOperation(r.toOperation(), config.getSerDes());
    }

    /**
     * The id of the named callback, or null when there is none (as in the official runner); the callback of
     * {@code waitForCallback("x", ...)} is named "x-callback".
     */
    public String getCallbackId(String name) {
        return started().callbackIdOf(name);
    }

    public void completeCallback(String callbackId, String resultJson) {
        started().completeCallback(callbackId, resultJson);
    }

    public void failCallback(String callbackId, ErrorObject error) {
        started().failCallback(callbackId, error);
    }

    public void timeoutCallback(String callbackId) {
        started().timeoutCallback(callbackId);
    }

    /**
     * Lets virtual time pass until every pending wait has ended and every retry or poll is due. Callbacks are not
     * timed out (as in the official runner) unless the course's {@code CallbackTimeouts.enforce(runner)} is on.
     */
    public void advanceTime() {
        LocalExecution ex = started();
        ex.advanceTo(ex.nextTimer(true));
    }

    public void completeChainedInvoke(String name, String resultJson) {
        started().completeInvoke(name, resultJson);
    }

    public void timeoutChainedInvoke(String name) {
        started().endInvoke(name, OperationStatus.TIMED_OUT, null);
    }

    public void failChainedInvoke(String name, ErrorObject error) {
        started().endInvoke(name, OperationStatus.FAILED, error);
    }

    public void stopChainedInvoke(String name, ErrorObject error) {
        started().endInvoke(name, OperationStatus.STOPPED, error);
    }
}
