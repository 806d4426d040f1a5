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
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 2.4: inventory is allocated with context.invoke; when it cannot be, the payment is released first. */
@Tag("exercise:2.4")
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class AllocateInventoryTest {

    private final OrderOrchestrator orchestrator;

    AllocateInventoryTest(DynamoDbClient dynamoDb) {
        orchestrator = new OrderOrchestrator(TestConfig.CONFIG, dynamoDb);
    }

    /** An execution that runs only the inventory stage, for an order whose payment is authorized. */
    private LocalDurableTestRunner<Order, InventoryResult> inventoryOnly(PaymentResult payment) {
        return LocalDurableTestRunner.create(Order.class,
                (order, context) -> orchestrator.allocateInventory(order, payment, context));
    }

    @Test
    void invokesTheInventoryWorkerWithTheItems() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        LocalDurableTestRunner<Order, InventoryResult> runner =
                inventoryOnly(Fixtures.authorized("ORDER-001", "1359.97"));
        TestResult<InventoryResult> first = runner.runUntilComplete(order);

        assertPending(first, say("the execution should suspend while it waits for the allocate-inventory invoke",
                "allocate-inventory の invoke を待つあいだ、実行は中断するはずです"));
        assertThat(invokeStarted(first, "allocate-inventory").functionName())
                .as(say("the target is INVENTORY_FUNCTION from the configuration",
                        "呼び出し先は設定の INVENTORY_FUNCTION のはずです")).isEqualTo(TestConfig.INVENTORY);
        JsonNode payload = payload(first, "allocate-inventory");
        assertThat(payload.path("orderId").asText()).isEqualTo("ORDER-001");
        assertThat(payload.path("items").toString()).as(say("the order's items, product ids and quantities",
                "注文の明細（商品 ID と数量）が渡されるはずです"))
                .contains("LAPTOP-001").contains("MOUSE-001");
        assertThat(payload.path("items")).hasSize(2);

        runner.completeChainedInvoke("allocate-inventory", WorkerJson.write(Fixtures.allocatedSuccessOrder()));
        TestResult<InventoryResult> result = runner.runUntilComplete(order);

        assertSucceeded(result, say("allocated stock lets the stage finish", "在庫が引き当てられたので、この段階は完了するはずです"));
        assertThat(result.getResult(InventoryResult.class).reservationId()).isEqualTo(InventoryWorker.reservationId("ORDER-001"));
        assertThat(names(result)).as(say("nothing to undo when the stock is there; history ",
                "在庫があれば取り消す処理はないはずです。履歴: ") + history(result))
                .containsExactly("allocate-inventory");
    }

    @Test
    void shortStockReleasesThePaymentBeforeFailing() {
        Order order = SeedOrders.load(SeedOrders.INSUFFICIENT_INVENTORY);
        PaymentResult payment = Fixtures.authorized("ORDER-003", "8999.40");
        LocalDurableTestRunner<Order, InventoryResult> runner = inventoryOnly(payment);
        assertPending(runner.runUntilComplete(order), say("the execution should wait for allocate-inventory",
                "実行は allocate-inventory を待つはずです"));

        runner.completeChainedInvoke("allocate-inventory", "{\"status\":\"INSUFFICIENT\",\"shortages\":"
                + "[{\"productId\":\"KEYBOARD-001\",\"requested\":60,\"available\":20}]}");
        TestResult<InventoryResult> releasing = runner.runUntilComplete(order);

        assertPending(releasing,
                say("with too few keyboards the execution should invoke release-payment and wait for it",
                        "キーボードの在庫が足りないので、実行は release-payment を invoke して、その応答を待つはずです"));
        assertThat(names(releasing)).as(say("history ", "履歴: ") + history(releasing))
                .containsExactly("allocate-inventory", "release-payment");
        assertThat(invokeStarted(releasing, "release-payment").functionName())
                .as(say("the release goes to the payment worker",
                        "オーソリの取り消しは支払いワーカーに送るはずです")).isEqualTo(TestConfig.PAYMENT);
        JsonNode release = payload(releasing, "release-payment");
        assertThat(release.path("action").asText()).isEqualTo(PaymentRequest.RELEASE);
        assertThat(release.path("authorizationId").asText()).isEqualTo(payment.authorizationId());
        assertThat(release.path("orderId").asText()).isEqualTo("ORDER-003");

        runner.completeChainedInvoke("release-payment",
                "{\"status\":\"RELEASED\",\"authorizationId\":\"" + payment.authorizationId() + "\"}");
        TestResult<InventoryResult> result = runner.runUntilComplete(order);

        ErrorObject error = assertFailedWith(result, InsufficientInventoryException.class,
                say("after the release the execution should fail", "オーソリを取り消した後、実行は失敗するはずです"));
        assertThat(error.errorMessage()).as(say("what is short, and that no money is held (the word \"released\")",
                "何が不足しているかと、代金を押さえたままになっていないこと（オーソリを取り消したこと、英単語 \"released\"）が伝わるはずです"))
                .contains("KEYBOARD-001").contains("60").contains("20").contains(payment.authorizationId())
                .containsIgnoringCase("released");
    }

    @Test
    void failedInventoryWorkerAlsoReleasesThePayment() {
        Order order = SeedOrders.load(SeedOrders.SUCCESS);
        PaymentResult payment = Fixtures.authorized("ORDER-001", "1359.97");
        LocalDurableTestRunner<Order, InventoryResult> runner = inventoryOnly(payment);
        assertPending(runner.runUntilComplete(order), say("the execution should wait for allocate-inventory",
                "実行は allocate-inventory を待つはずです"));

        runner.failChainedInvoke("allocate-inventory", ErrorObject.builder()
                .errorType("java.lang.IllegalStateException").errorMessage("catalog table unavailable").build());
        TestResult<InventoryResult> releasing = runner.runUntilComplete(order);

        assertPending(releasing, say("when the inventory worker fails the execution should invoke release-payment",
                "在庫ワーカーが失敗したときも、実行は release-payment を invoke するはずです"));
        assertThat(payload(releasing, "release-payment").path("authorizationId").asText())
                .isEqualTo(payment.authorizationId());

        runner.completeChainedInvoke("release-payment",
                "{\"status\":\"RELEASED\",\"authorizationId\":\"" + payment.authorizationId() + "\"}");
        ErrorObject error = assertFailedWith(runner.runUntilComplete(order), OrderFailedException.class,
                say("after the release the execution should fail", "オーソリを取り消した後、実行は失敗するはずです"));
        assertThat(error.errorMessage()).as(say("the worker's error and the release (the word \"released\") are both reported",
                "ワーカーのエラーと、オーソリを取り消したこと（英単語 \"released\"）の両方が報告されるはずです"))
                .contains("catalog table unavailable").containsIgnoringCase("released");
    }
}
