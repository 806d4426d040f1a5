package durable.workshop.lesson4;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;

/**
 * A plain Lambda function standing in for an external fraud service. The workflow starts it asynchronously with
 * a callback id; it sends a heartbeat (it is alive), decides, and answers with
 * SendDurableExecutionCallbackSuccess, or SendDurableExecutionCallbackFailure when it cannot decide. Its role may
 * send callbacks to the loan workflow's executions and do nothing else.
 */
public class FraudCheckFunction implements RequestHandler<FraudCheckRequest, String> {

    private final LambdaClient lambda;

    public FraudCheckFunction() {
        this(AwsClients.lambda());
    }

    public FraudCheckFunction(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public String handleRequest(FraudCheckRequest request, Context context) {
        if (request == null || request.callbackId() == null || request.callbackId().isBlank()) {
            // Nobody can be told: fail the invocation so it shows in the function's errors and logs.
            throw new IllegalArgumentException("callbackId: missing - the workflow's submitter must send it");
        }
        String callbackId = request.callbackId();
        lambda.sendDurableExecutionCallbackHeartbeat(b -> b.callbackId(callbackId));
        String problem = problem(request);
        if (problem != null) {
            lambda.sendDurableExecutionCallbackFailure(b -> b.callbackId(callbackId).error(ErrorObject.builder()
                    .errorType("InvalidFraudCheckRequest").errorMessage(problem).build()));
            return "failed: " + problem;
        }
        FraudVerdict verdict = FraudRules.assess(request);
        lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId)
                .result(SdkBytes.fromUtf8String(WorkerJson.write(verdict))));
        if (context != null) {
            context.getLogger().log("fraud check " + request.applicationId() + " -> cleared=" + verdict.cleared());
        }
        return verdict.cleared() ? "cleared" : "flagged";
    }

    private static String problem(FraudCheckRequest request) {
        if (request.applicationId() == null || request.applicationId().isBlank()) {
            return "applicationId: missing";
        }
        if (request.sinLast4() == null || !request.sinLast4().matches("\\d{4}")) {
            return "sinLast4: not 4 digits";
        }
        if (request.amount() == null || request.amount().signum() <= 0) {
            return "amount: missing or not positive";
        }
        return null;
    }
}
