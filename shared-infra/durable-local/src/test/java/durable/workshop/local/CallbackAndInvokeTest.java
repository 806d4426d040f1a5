package durable.workshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.EventType;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableCallbackFuture;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.config.CallbackConfig;
import software.amazon.lambda.durable.config.WaitForCallbackConfig;
import software.amazon.lambda.durable.exception.CallbackFailedException;
import software.amazon.lambda.durable.exception.CallbackTimeoutException;
import software.amazon.lambda.durable.exception.InvokeFailedException;
import software.amazon.lambda.durable.exception.InvokeStoppedException;
import software.amazon.lambda.durable.exception.InvokeTimedOutException;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

class CallbackAndInvokeTest {

    record Approval(String by, boolean ok) { }

    private static LocalDurableTestRunner<String, String> approvalRunner(CallbackConfig config) {
        return LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableCallbackFuture<Approval> cb = ctx.createCallback("approval", Approval.class, config);
            ctx.step("notify", String.class, () -> "sent " + cb.callbackId());
            try {
                Approval a = cb.get();
                return a.by() + ":" + a.ok();
            } catch (CallbackFailedException e) {
                return "rejected: " + e.getMessage();
            } catch (CallbackTimeoutException e) {
                return "timed out";
            }
        });
    }

    @Test
    void callbackStaysPendingUntilTheTestCompletesIt() {
        var runner = approvalRunner(CallbackConfig.builder().build());
        TestResult<String> first = runner.runUntilComplete("x");
        assertThat(first.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        var op = runner.getOperation("approval");
        assertThat(op.getType()).isEqualTo(OperationType.CALLBACK);
        assertThat(op.getStatus()).isEqualTo(OperationStatus.STARTED);
        String id = runner.getCallbackId("approval");
        assertThat(op.getCallbackDetails().callbackId()).isEqualTo(id);
        assertThat(runner.getOperation("notify").getStepResult(String.class)).isEqualTo("sent " + id);

        runner.completeCallback(id, "{\"by\":\"kim\",\"ok\":true}");
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("kim:true");
        assertThat(done.getOperation("approval").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void failedCallbackThrowsCallbackFailedException() {
        var runner = approvalRunner(CallbackConfig.builder().build());
        runner.run("x");
        runner.failCallback(runner.getCallbackId("approval"),
                ErrorObject.builder().errorType("Rejected").errorMessage("not today").build());
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("rejected: not today");
    }

    @Test
    void aConfiguredTimeoutDoesNotEndTheCallbackButTimeoutCallbackDoes() {
        // The official runner never times a callback out by itself: waits pass, the callback stays STARTED.
        var runner = approvalRunner(CallbackConfig.builder().timeout(Duration.ofHours(1)).build());
        assertThat(runner.runUntilComplete("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        runner.advanceTime();
        assertThat(runner.runUntilComplete("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(runner.getOperation("approval").getStatus()).isEqualTo(OperationStatus.STARTED);

        runner.timeoutCallback(runner.getCallbackId("approval"));
        TestResult<String> done = runner.runUntilComplete("x");
        assertThat(done.getResult(String.class)).isEqualTo("timed out");
        assertThat(done.getOperation("approval").getStatus()).isEqualTo(OperationStatus.TIMED_OUT);
        // TIMED_OUT counts as failed, like CANCELLED and STOPPED.
        assertThat(done.getFailedOperations()).extracting(t -> t.getName()).containsExactly("approval");
    }

    @Test
    void withCallbackTimeoutsEnforcedTheConfiguredTimeoutElapsesInVirtualTime() {
        var runner = CallbackTimeouts.enforce(approvalRunner(CallbackConfig.builder().timeout(Duration.ofHours(1)).build()));
        assertThat(runner.runUntilComplete("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        runner.advanceTime();
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("timed out");
        assertThat(runner.getOperation("approval").getStatus()).isEqualTo(OperationStatus.TIMED_OUT);
    }

    @Test
    void waitForCallbackRunsTheSubmitterOnceAsAStepAndNamesTheCallbackXCallback() {
        AtomicInteger submits = new AtomicInteger();
        AtomicReference<String> submittedId = new AtomicReference<>();
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) ->
                ctx.waitForCallback("payment", String.class, (id, step) -> {
                    submits.incrementAndGet();
                    submittedId.set(id);
                }, WaitForCallbackConfig.builder().build()));
        assertThat(runner.runUntilComplete("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(runner.getOperation("payment").getType()).isEqualTo(OperationType.CONTEXT);
        assertThat(runner.getOperation("payment-callback").getType()).isEqualTo(OperationType.CALLBACK);
        assertThat(runner.getOperation("payment-submitter").getType()).isEqualTo(OperationType.STEP);
        assertThat(runner.getCallbackId("payment-callback")).isEqualTo(submittedId.get());
        // As in the official runner, a name without a callback gives null; completing null then says why.
        assertThat(runner.getCallbackId("payment")).isNull();
        assertThatThrownBy(() -> runner.completeCallback(runner.getCallbackId("payment"), "\"paid\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named \"payment-callback\"");

        runner.completeCallback(submittedId.get(), "\"paid\"");
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("paid");
        assertThat(submits).hasValue(1);
    }

    @Test
    void waitForCallbackFailureSurfacesAsCallbackFailedException() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                return ctx.waitForCallback("payment", String.class, (id, step) -> { });
            } catch (CallbackFailedException e) {
                return "failed: " + e.getMessage();
            }
        });
        runner.run("x");
        runner.failCallback(runner.getCallbackId("payment-callback"), ErrorObject.builder().errorMessage("card declined").build());
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("failed: card declined");
    }

    @Test
    void anyOfReturnsWhicheverCompletedFirstAndSuspendsWhileNoneHas() {
        var runner = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableCallbackFuture<String> answer = ctx.createCallback("answer", String.class);
            var deadline = ctx.waitAsync("deadline", Duration.ofHours(2));
            Object first = software.amazon.lambda.durable.DurableFuture.anyOf(answer, deadline);
            return first == null ? "no answer in time" : "answer: " + first;
        });
        assertThat(runner.run("x").getStatus()).isEqualTo(ExecutionStatus.PENDING);
        runner.completeCallback(runner.getCallbackId("answer"), "\"yes\"");
        assertThat(runner.runUntilComplete("x").getResult(String.class)).isEqualTo("answer: yes");

        var slow = LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            DurableCallbackFuture<String> answer = ctx.createCallback("answer", String.class);
            var deadline = ctx.waitAsync("deadline", Duration.ofHours(2));
            Object first = software.amazon.lambda.durable.DurableFuture.anyOf(answer, deadline);
            return first == null ? "no answer in time" : "answer: " + first;
        });
        assertThat(slow.runUntilComplete("x").getResult(String.class)).isEqualTo("no answer in time");
    }

    record Charge(String orderId, int cents) { }

    record Receipt(String id) { }

    private static LocalDurableTestRunner<String, String> invokeRunner() {
        return LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            try {
                Receipt r = ctx.invoke("charge", "arn:aws:lambda:us-east-1:123456789012:function:pay:live",
                        new Charge(in, 1250), Receipt.class);
                return "receipt " + r.id();
            } catch (InvokeFailedException e) {
                return "failed: " + e.getMessage();
            } catch (InvokeTimedOutException e) {
                return "timed out";
            } catch (InvokeStoppedException e) {
                return "stopped";
            }
        });
    }

    @Test
    void chainedInvokeRecordsFunctionAndPayloadAndWaitsForTheTest() {
        var runner = invokeRunner();
        TestResult<String> pending = runner.runUntilComplete("o-7");
        assertThat(pending.getStatus()).isEqualTo(ExecutionStatus.PENDING);
        var op = pending.getOperation("charge");
        assertThat(op.getType()).isEqualTo(OperationType.CHAINED_INVOKE);
        assertThat(op.getStatus()).isEqualTo(OperationStatus.STARTED);
        Event started = pending.getEventsForOperation("charge").stream().filter(e -> e.eventType() == EventType.CHAINED_INVOKE_STARTED)
                .findFirst().orElseThrow();
        assertThat(started.chainedInvokeStartedDetails().functionName())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:pay:live");
        assertThat(started.chainedInvokeStartedDetails().input().payload())
                .isEqualTo("{\"orderId\":\"o-7\",\"cents\":1250}");

        runner.completeChainedInvoke("charge", "{\"id\":\"r-1\"}");
        assertThat(runner.runUntilComplete("o-7").getResult(String.class)).isEqualTo("receipt r-1");
    }

    @Test
    void chainedInvokeFailureTimeoutAndStopMapToTheirExceptions() {
        var failed = invokeRunner();
        failed.run("o");
        failed.failChainedInvoke("charge", ErrorObject.builder().errorType("PaymentError").errorMessage("no funds").build());
        assertThat(failed.runUntilComplete("o").getResult(String.class)).isEqualTo("failed: no funds");
        assertThat(failed.getOperation("charge").getStatus()).isEqualTo(OperationStatus.FAILED);

        var timedOut = invokeRunner();
        timedOut.run("o");
        timedOut.timeoutChainedInvoke("charge");
        assertThat(timedOut.runUntilComplete("o").getResult(String.class)).isEqualTo("timed out");

        var stopped = invokeRunner();
        stopped.run("o");
        stopped.stopChainedInvoke("charge", null);
        assertThat(stopped.runUntilComplete("o").getResult(String.class)).isEqualTo("stopped");
        assertThat(stopped.getOperation("charge").getStatus()).isEqualTo(OperationStatus.STOPPED);
    }

    @Test
    void completingTwiceOrUnknownIdsOrNonJsonIsRefusedClearly() {
        var runner = approvalRunner(CallbackConfig.builder().build());
        runner.run("x");
        String id = runner.getCallbackId("approval");
        assertThatThrownBy(() -> runner.completeCallback("nope", "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unknown callback id \"nope\"");
        assertThatThrownBy(() -> runner.completeCallback(id, "approved"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> runner.completeCallback(id, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        runner.completeCallback(id, "{\"by\":\"a\",\"ok\":false}");
        assertThatThrownBy(() -> runner.completeCallback(id, "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already SUCCEEDED");
        assertThat(runner.getCallbackId("missing")).isNull();
        assertThatThrownBy(() -> runner.completeCallback(runner.getCallbackId("missing"), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no callback of that name");

        var inv = invokeRunner();
        inv.run("o");
        assertThatThrownBy(() -> inv.completeChainedInvoke("other", "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No chained invoke named \"other\"");
        inv.completeChainedInvoke("charge", "{\"id\":\"r\"}");
        assertThatThrownBy(() -> inv.completeChainedInvoke("charge", "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already SUCCEEDED");
    }
}
