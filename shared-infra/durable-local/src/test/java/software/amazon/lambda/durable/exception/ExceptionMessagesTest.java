package software.amazon.lambda.durable.exception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CallbackDetails;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeDetails;
import software.amazon.awssdk.services.lambda.model.ContextDetails;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.Operation;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.awssdk.services.lambda.model.StepDetails;
import software.amazon.lambda.durable.execution.SuspendExecutionException;

class ExceptionMessagesTest {
    private static final ErrorObject CARD_DECLINED = ErrorObject.builder()
            .errorType("com.example.CardDeclined").errorMessage("card declined").build();

    @Test
    void aFailedStepCarriesTheStepsOwnErrorMessage() {
        Operation step = Operation.builder().id("1").name("charge").type(OperationType.STEP)
                .status(OperationStatus.FAILED).stepDetails(StepDetails.builder().error(CARD_DECLINED).build())
                .build();

        StepFailedException error = new StepFailedException(step);

        // The official SDK's wording when the original exception cannot be rebuilt.
        assertThat(error).hasMessage("Step failed with error of type com.example.CardDeclined. Message: card declined");
        assertThat(error.getErrorObject()).isEqualTo(CARD_DECLINED);
        assertThat(error.getOperationId()).isEqualTo("1");
        assertThat(error.getOperationStatus()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void wrappersOfUnrebuildableFailuresNameTheirKindTypeAndMessage() {
        Operation step = Operation.builder().id("1").name("charge").type(OperationType.STEP).build();
        Operation context = Operation.builder().id("2").name("unit").type(OperationType.CONTEXT)
                .contextDetails(ContextDetails.builder().error(CARD_DECLINED).build()).build();
        String tail = " failed with error of type com.example.CardDeclined. Message: card declined";

        assertThat(new StepFailedException(step)).hasMessage("Step failed with error of type null. Message: null");
        assertThat(new ChildContextFailedException(context)).hasMessage("Child context" + tail);
        assertThat(new ParallelBranchFailedException(context)).hasMessage("Parallel branch" + tail);
        assertThat(new MapIterationFailedException(context)).hasMessage("Map iteration" + tail);
        assertThat(new DurableOperationException(step, CARD_DECLINED)).hasMessage("card declined");
    }

    @Test
    void aCallbackTimeoutSaysSoAndNamesTheCallback() {
        Operation callback = Operation.builder().id("2").name("approval").type(OperationType.CALLBACK)
                .status(OperationStatus.TIMED_OUT)
                .callbackDetails(CallbackDetails.builder().callbackId("cb-123").build()).build();

        CallbackTimeoutException error = new CallbackTimeoutException(callback);

        assertThat(error).hasMessageContaining("'approval'").hasMessageContaining("timed out");
        assertThat(error.getCallbackId()).isEqualTo("cb-123");
    }

    @Test
    void aFailedCallbackAndAFailedInvokeCarryTheirErrorMessage() {
        Operation callback = Operation.builder().id("3").name("approval")
                .callbackDetails(CallbackDetails.builder().callbackId("cb").error(CARD_DECLINED).build()).build();
        Operation invoke = Operation.builder().id("4").name("pay")
                .chainedInvokeDetails(ChainedInvokeDetails.builder().error(CARD_DECLINED).build()).build();

        assertThat(new CallbackFailedException(callback)).hasMessage("card declined");
        assertThat(new InvokeFailedException(invoke)).hasMessage("card declined");
        // A timed-out invoke has no error: no message, and an error object without type or data.
        InvokeTimedOutException timedOut = new InvokeTimedOutException(Operation.builder().id("5").name("pay")
                .status(OperationStatus.TIMED_OUT).chainedInvokeDetails(ChainedInvokeDetails.builder().build()).build());
        assertThat(timedOut.getMessage()).isNull();
        assertThat(timedOut.getErrorObject().errorType()).isNull();
        assertThat(timedOut.getErrorObject().errorData()).isNull();
    }

    @Test
    void unrecoverableErrorsKeepTheirMessage() {
        NonDeterministicExecutionException error =
                new NonDeterministicExecutionException("expected step 'a' but found wait 'b'");

        assertThat(error).hasMessage("expected step 'a' but found wait 'b'");
        assertThat(error.getErrorObject().errorType()).isEqualTo(NonDeterministicExecutionException.class.getName());
        assertThat(error.isRetryable()).isFalse();
    }

    @Test
    void aSuspensionIsNotCaughtByCatchException() {
        Throwable escaped = null;
        try {
            try {
                throw new SuspendExecutionException();
            } catch (Exception swallowed) {
                // user code like this must not stop a suspension
            }
        } catch (Throwable t) {
            escaped = t;
        }

        assertThat(escaped).isInstanceOf(SuspendExecutionException.class).isInstanceOf(Error.class);
    }
}
