package durable.workshop.lesson4;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Starts the fraud-check function asynchronously (invocation type Event) through its alias. Lambda queues the
 * event and answers 202 at once; the function sends the callback when it is done. Starting it twice for the same
 * callback is harmless: the second answer to a completed callback is refused.
 */
public final class LambdaFraudCheckStarter implements FraudCheckStarter {

    private final LambdaClient lambda;
    private final String functionArn;

    public LambdaFraudCheckStarter(LambdaClient lambda, String functionArn) {
        this.lambda = lambda;
        this.functionArn = functionArn;
    }

    @Override
    public void start(FraudCheckRequest request) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(functionArn)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(WorkerJson.write(request))));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the fraud check was not queued: Lambda answered "
                    + response.statusCode());
        }
    }
}
