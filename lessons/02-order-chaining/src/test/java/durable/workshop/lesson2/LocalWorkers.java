package durable.workshop.lesson2;

import static durable.workshop.testkit.LearnerLanguage.say;

import durable.workshop.testkit.ExecutionExpectations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeStartedDetails;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Plays Lambda's part for chained invokes in a test: runs the worker the orchestrator asked for, with the payload
 * it sent, and completes (or fails) the invoke with the worker's answer.
 */
final class LocalWorkers {

    private final PaymentWorker payment = new PaymentWorker();
    private final InventoryWorker inventory;
    private final FulfillmentWorker fulfillment = new FulfillmentWorker();

    LocalWorkers(DynamoDbClient dynamoDb) {
        this.inventory = new InventoryWorker(dynamoDb, SampleCatalog.TABLE);
    }

    /** Answers the named invoke the execution is waiting for. */
    void answer(LocalDurableTestRunner<Order, ?> runner, TestResult<?> result, String name) {
        ChainedInvokeStartedDetails started = ChainedInvokes.invokeStarted(result, name);
        String payload = started.input().payload();
        Object response;
        try {
            response = switch (started.functionName()) {
                case TestConfig.PAYMENT -> payment.handleRequest(WorkerJson.read(payload, PaymentRequest.class), null);
                case TestConfig.INVENTORY ->
                        inventory.handleRequest(WorkerJson.read(payload, InventoryRequest.class), null);
                case TestConfig.FULFILLMENT ->
                        fulfillment.handleRequest(WorkerJson.read(payload, FulfillmentRequest.class), null);
                default -> throw new AssertionError(say(
                        name + " invoked " + started.functionName() + ", which is none of the configured worker aliases",
                        name + " の呼び出し先 " + started.functionName() + " は、設定されたどのワーカーのエイリアスでもありません"));
            };
        } catch (RuntimeException e) {
            runner.failChainedInvoke(name, ErrorObject.builder()
                    .errorType(e.getClass().getName()).errorMessage(e.getMessage()).build());
            return;
        }
        runner.completeChainedInvoke(name, WorkerJson.write(response));
    }

    /** Runs the execution to its end, answering every chained invoke it waits for. */
    <O> TestResult<O> runToEnd(LocalDurableTestRunner<Order, O> runner, Order order) {
        TestResult<O> result = runner.runUntilComplete(order);
        for (int round = 0; round < 10 && result.getStatus() == ExecutionStatus.PENDING; round++) {
            TestOperation waiting = waitingInvoke(result);
            if (waiting == null) {
                return result;
            }
            answer(runner, result, waiting.getName());
            result = runner.runUntilComplete(order);
        }
        return result;
    }

    private static TestOperation waitingInvoke(TestResult<?> result) {
        return ExecutionExpectations.operations(result).stream()
                .filter(op -> op.getType() == OperationType.CHAINED_INVOKE)
                .filter(op -> op.getStatus() == OperationStatus.STARTED || op.getStatus() == OperationStatus.PENDING)
                .findFirst().orElse(null);
    }
}
