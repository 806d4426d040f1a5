package durable.workshop.lesson2;

import static durable.workshop.lesson2.ChainedInvokes.invokeStarted;
import static durable.workshop.lesson2.ChainedInvokes.payload;
import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 2.3: the payment worker is called with context.invoke on its alias, and a decline fails the order. */
@Tag("exercise:2.3")
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class AuthorizePaymentTest {

    private final OrderOrchestrator orchestrator;

    AuthorizePaymentTest(DynamoDbClient dynamoDb) {
        orchestrator = new OrderOrchestrator(TestConfig.CONFIG, dynamoDb);
    }

    /** An execution that runs only the payment stage, for an order already priced. */
    private LocalDurableTestRunner<Order, PaymentResult> paymentOnly(PricedOrder priced) {
        return LocalDurableTestRunner.create(Order.class,
                (order, context) -> orchestrator.authorizePayment(order, priced, context));
    }

    @Test
    void invokesThePaymentWorkerOnItsAlias() {
        TestResult<PaymentResult> result = paymentOnly(Fixtures.pricedSuccessOrder())
                .runUntilComplete(SeedOrders.load(SeedOrders.SUCCESS));

        assertPending(result, say("the execution should suspend while it waits for the authorize-payment invoke",
                "authorize-payment の invoke を待つあいだ、実行は中断するはずです"));
        assertThat(names(result)).as(say("history ", "履歴: ") + history(result)).containsExactly("authorize-payment");
        assertThat(result.getOperation("authorize-payment").getType()).isEqualTo(OperationType.CHAINED_INVOKE);
        assertThat(invokeStarted(result, "authorize-payment").functionName())
                .as(say("the target is PAYMENT_FUNCTION from the configuration: the worker's alias ARN",
                        "呼び出し先は設定の PAYMENT_FUNCTION、つまりワーカーのエイリアス ARN のはずです"))
                .isEqualTo(TestConfig.PAYMENT);
        JsonNode payload = payload(result, "authorize-payment");
        assertThat(payload.path("action").asText()).isEqualTo(PaymentRequest.AUTHORIZE);
        assertThat(payload.path("orderId").asText()).isEqualTo("ORDER-001");
        assertThat(payload.path("amount").decimalValue()).as(say("the amount is the catalog total",
                "金額はカタログの価格で計算した合計のはずです"))
                .isEqualByComparingTo("1359.97");
        assertThat(payload.path("paymentMethod").path("cardToken").asText()).isEqualTo("tok_visa_9012");
    }

    @Test
    void returnsTheAuthorization() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        LocalDurableTestRunner<Order, PaymentResult> runner = paymentOnly(Fixtures.pricedSuccessOrder());
        assertPending(runner.runUntilComplete(order), say("the execution should wait for authorize-payment",
                "実行は authorize-payment を待つはずです"));

        runner.completeChainedInvoke("authorize-payment",
                "{\"status\":\"AUTHORIZED\",\"authorizationId\":\"AUTH-42\",\"amount\":1359.97}");
        TestResult<PaymentResult> result = runner.runUntilComplete(order);

        assertSucceeded(result, say("an authorized payment lets the stage finish", "支払いがオーソリされたので、この段階は完了するはずです"));
        assertThat(result.getResult(PaymentResult.class).authorizationId()).isEqualTo("AUTH-42");
        assertThat(names(result)).as(say("the worker is invoked once; the replay reads its answer from the checkpoint",
                "ワーカーの呼び出しは 1 回だけで、リプレイではその応答をチェックポイントから読むはずです"))
                .containsExactly("authorize-payment");
        assertThat(result.getOperation("authorize-payment").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void declinedPaymentFailsTheOrder() {
        Order order = SeedOrders.load(SeedOrders.PAYMENT_DECLINED);
        LocalDurableTestRunner<Order, PaymentResult> runner = paymentOnly(Fixtures.pricedTenLaptops());
        TestResult<PaymentResult> first = runner.runUntilComplete(order);
        assertPending(first, say("the execution should wait for authorize-payment", "実行は authorize-payment を待つはずです"));
        assertThat(payload(first, "authorize-payment").path("amount").decimalValue()).isEqualByComparingTo("12999.90");

        runner.completeChainedInvoke("authorize-payment", "{\"status\":\"DECLINED\",\"amount\":12999.90,"
                + "\"reason\":\"amount 12999.90 USD is over the 10000.00 USD limit for one authorization\"}");
        TestResult<PaymentResult> result = runner.runUntilComplete(order);

        ErrorObject error = assertFailedWith(result, PaymentDeclinedException.class,
                say("a declined payment should end the execution", "支払いが拒否されたので、実行は失敗で終わるはずです"));
        assertThat(error.errorMessage()).as(say("the caller learns which order and why",
                "どの注文がなぜ失敗したのかが、呼び出し元に伝わるはずです"))
                .contains("ORDER-002").contains("10000.00 USD limit");
    }
}
