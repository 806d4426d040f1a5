package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.local.engine.OperationIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.config.InvokeConfig;
import software.amazon.lambda.durable.config.WaitForConditionConfig;
import software.amazon.lambda.durable.config.WithRetryConfig;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.model.WaitForConditionResult;
import software.amazon.lambda.durable.retry.RetryDecision;
import software.amazon.lambda.durable.serde.JacksonSerDes;
import software.amazon.lambda.durable.serde.SerDes;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * What a test sees through TestResult, TestOperation and the runner, pinned to how the official local runner reports
 * it, so that a test written against this module passes (or fails) the same way on the official SDK.
 */
class OfficialRunnerParityTest {

    @Test
    void aNameUsedInTwoContextsFindsTheLastInTheResultAndTheFirstInTheRunner() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            String a = ctx.runInChildContext("first", String.class, c -> c.step("work", String.class, () -> "A"));
            String b = ctx.runInChildContext("second", String.class, c -> c.step("work", String.class, () -> "B"));
            return a + b;
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("AB");
        // Every operation, nested ones included, in the order they started.
        assertThat(done.getOperations()).extracting(TestOperation::getName)
                .containsExactly("first", "work", "second", "work");
        // TestResult keeps the last operation of a name; the runner's getOperation the first.
        assertThat(done.getOperation("work").getStepResult(String.class)).isEqualTo("B");
        assertThat(runner.getOperation("work").getStepResult(String.class)).isEqualTo("A");
        // The events of a name are those of the operation getOperation finds.
        assertThat(done.getEventsForOperation("work")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.id()).isEqualTo(done.getOperation("work").getId()));
        assertThat(done.getEventsForOperation("nothing")).isEmpty();
    }

    @Test
    void mapAndParallelSucceedAsOperationsEvenWhenUnitsFailAndRecordWhatTheOfficialSdkRecords() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            MapResult<Integer> squares = ctx.map("square", List.of(1, 2, 3), Integer.class, (n, i, c) -> {
                if (n == 2) {
                    throw new IllegalStateException("no 2");
                }
                return n * n;
            });
            try (var fan = ctx.parallel("fan")) {
                fan.branch("a", String.class, c -> "A");
                fan.branch("b", String.class, c -> {
                    throw new IllegalStateException("no b");
                });
            }
            return squares.succeeded().toString();
        });
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("[1, 9]");
        TestOperation map = done.getOperation("square");
        assertThat(map.getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        // A map checkpoints its MapResult.
        assertThat(map.getContextDetails().result()).contains("\"no 2\"");
        assertThat(map.getContextDetails().replayChildren()).isNull();
        TestOperation fan = done.getOperation("fan");
        assertThat(fan.getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        // A parallel checkpoints its ParallelResult and replays its branches (the official ParallelOperation's
        // handleCompletion: payload plus ReplayChildren; aws/aws-durable-execution-sdk-java,
        // sdk/src/main/java/software/amazon/lambda/durable/operation/ParallelOperation.java).
        assertThat(fan.getContextDetails().result()).isEqualTo("{\"size\":2,\"succeeded\":1,\"failed\":1,"
                + "\"skipped\":0,\"completionStatus\":\"ALL_COMPLETED\",\"statuses\":[\"SUCCEEDED\",\"FAILED\"]}");
        assertThat(fan.getContextDetails().replayChildren()).isTrue();
        assertThat(done.getFailedOperations()).extracting(TestOperation::getName)
                .containsExactly("square-iteration-1", "b");
    }

    @Test
    void stepResultErrorAndAttemptComeFromStepDetailsOnly() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            String inner = ctx.runInChildContext("group", String.class, c -> c.step("s", String.class, () -> "v"));
            String answer = ctx.createCallback("cb", String.class).get();
            return inner + answer;
        });
        runner.run("x");
        runner.failCallback(runner.getCallbackId("cb"), ErrorObject.builder().errorType("No").errorMessage("n").build());
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        TestOperation group = done.getOperation("group");
        assertThat(group.getContextDetails().result()).isEqualTo("\"v\"");
        // getStepResult and getError read step details: a context or a callback has none.
        assertThat(group.getStepResult(String.class)).isNull();
        TestOperation cb = done.getOperation("cb");
        assertThat(cb.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(cb.getCallbackDetails().error().errorMessage()).isEqualTo("n");
        assertThat(cb.getError()).isNull();
        // With no attempt recorded the attempt is 1.
        assertThat(cb.getAttempt()).isEqualTo(1);
        assertThat(done.getOperation("s").getAttempt()).isEqualTo(1);
        assertThat(done.getOperation("s").getStepDetails().attempt()).isNull();
        assertThat(done.getFailedOperations()).extracting(TestOperation::getName).containsExactly("cb");
    }

    @Test
    void anOperationExceptionThatEndsTheExecutionReportsTheOperationsOwnError() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.invoke("charge", "pay:live", in, String.class));
        runner.run("x");
        runner.failChainedInvoke("charge", ErrorObject.builder()
                .errorType("PaymentServiceDown").errorMessage("try later").build());
        TestResult<String> done = runner.runUntilComplete("x");

        // The InvokeFailedException is not what the execution reports: the invoke's error is.
        assertThat(done.getStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.getError()).get().satisfies(e -> {
            assertThat(e.errorType()).isEqualTo("PaymentServiceDown");
            assertThat(e.errorMessage()).isEqualTo("try later");
        });
    }

    @Test
    void anyOtherExceptionReportsItsClassNameMessageAndPipeSeparatedFrames() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            throw new IllegalStateException("TODO 2.1: validate");
        });
        ErrorObject error = runner.runUntilComplete("x").getError().orElseThrow();

        assertThat(error.errorType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.errorMessage()).isEqualTo("TODO 2.1: validate");
        assertThat(error.stackTrace()).isNotEmpty().allSatisfy(f -> assertThat(f.split("\\|", -1)).hasSize(4));
    }

    @Test
    void runUntilCompleteReturnsPendingAfterAHundredInvocations() {
        AtomicInteger invocations = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            invocations.incrementAndGet();
            for (int i = 0; i < 150; i++) {
                ctx.wait("tick-" + i, Duration.ofSeconds(1));
            }
            return "done";
        });
        TestResult<String> result = runner.runUntilComplete("x");

        assertThat(result.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(invocations).hasValue(100);
        // Calling it again carries on from the checkpoints.
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("done");
    }

    @Test
    void withRetryRunsAttemptsInOneContextAndBacksOffWithNamedWaits() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> attempts = new ArrayList<>();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.withRetry("fetch", (attempt, c) -> {
                    if (!c.isReplaying()) {
                        attempts.add(attempt);
                    }
                    return c.step("call-" + attempt, String.class, () -> {
                        if (calls.incrementAndGet() < 3) {
                            throw new IllegalStateException("busy");
                        }
                        return "ok";
                    }, software.amazon.lambda.durable.config.StepConfig.builder()
                            .retryStrategy(software.amazon.lambda.durable.retry.RetryStrategies.Presets.NO_RETRY)
                            .build());
                }, WithRetryConfig.builder()
                        .retryStrategy((error, attempt) -> attempt < 5 ? RetryDecision.retry(Duration.ZERO)
                                : RetryDecision.fail())
                        .build()));

        // A zero delay still waits one second, so the first invocation suspends.
        assertThat(runner.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("ok");
        assertThat(done.getOperations()).extracting(TestOperation::getName).containsExactly(
                "fetch", "call-1", "fetch-backoff-1", "call-2", "fetch-backoff-2", "call-3");
        TestOperation fetch = done.getOperation("fetch");
        assertThat(fetch.getType()).isEqualTo(OperationType.CONTEXT);
        assertThat(fetch.getSubtype()).isEqualTo(OperationSubType.WITH_RETRY.getValue());
        assertThat(done.getOperation("fetch-backoff-1").getType()).isEqualTo(OperationType.WAIT);
        // call-1, fetch-backoff-1, call-2: the third operation of the context.
        assertThat(done.getOperation("call-2").getId()).isEqualTo(OperationIds.hash(fetch.getId() + "-3"));
        assertThat(attempts).contains(1, 2, 3);
    }

    record Box(List<String> seen) { }

    @Test
    void waitForConditionHandsTheCheckAndTheStrategyTheStateAfterATripThroughSerDes() {
        Box initial = new Box(new ArrayList<>());
        List<Object> checked = new ArrayList<>();
        List<Object> evaluated = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            Box last = ctx.waitForCondition("poll", Box.class, (state, step) -> {
                checked.add(state);
                List<String> seen = new ArrayList<>(state.seen());
                seen.add("p" + step.getAttempt());
                Box next = new Box(seen);
                return seen.size() >= 3 ? WaitForConditionResult.stopPolling(next)
                        : WaitForConditionResult.continuePolling(next);
            }, WaitForConditionConfig.<Box>builder().initialState(initial).waitStrategy((state, attempt) -> {
                evaluated.add(state);
                attempts.add(attempt);
                return Duration.ofSeconds(10);
            }).build());
            return String.join(",", last.seen());
        }, DurableConfig.builder().withDeserializeAfterSerialization(true).build());
        TestResult<String> done = runner.runUntilComplete("x");

        assertThat(done.getResult(String.class)).isEqualTo("p1,p2,p3");
        // With deserializeAfterSerialization the first check gets an equal copy of the initial state, as later
        // checks get theirs from the checkpoint, not the configured object itself.
        assertThat(checked.get(0)).isEqualTo(initial).isNotSameAs(initial);
        // The strategy runs after each poll that asked for another, with that poll's number, counted from 1.
        assertThat(attempts).containsExactly(1, 2);
        assertThat(evaluated).containsExactly(new Box(List.of("p1")), new Box(List.of("p1", "p2")));
    }

    @Test
    void anInvokePayloadUsesTheInvokesSerDesWhenItHasNoPayloadSerDes() {
        SerDes upper = new SerDes() {
            private final JacksonSerDes json = new JacksonSerDes();

            @Override
            public String serialize(Object value) {
                String s = json.serialize(value);
                return s == null ? null : s.toUpperCase();
            }

            @Override
            public <T> T deserialize(String data, TypeToken<T> type) {
                return json.deserialize(data, type);
            }
        };
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.invoke("call", "fn:live", Map.of("k", in), String.class, InvokeConfig.builder().serDes(upper).build()));
        TestResult<String> pending = runner.run("v");

        String payload = pending.getEventsForOperation("call").stream()
                .filter(e -> e.eventType() == EventType.CHAINED_INVOKE_STARTED).findFirst().orElseThrow()
                .chainedInvokeStartedDetails().input().payload();
        assertThat(payload).isEqualTo("{\"K\":\"V\"}");
    }

    @Test
    void withOutputTypeGivesANewRunnerWithItsOwnLog() {
        AtomicInteger runs = new AtomicInteger();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.step("once", String.class, () -> in + runs.incrementAndGet()));
        assertThat(runner.runUntilComplete("a").getResult(String.class)).isEqualTo("a1");

        var typed = runner.withOutputType(String.class);
        assertThat(typed).isNotSameAs(runner);
        // A fresh log: the step runs again for the new runner.
        assertThat(typed.runUntilComplete("a").getResult()).isEqualTo("a2");
        assertThat(runs).hasValue(2);
    }
}
