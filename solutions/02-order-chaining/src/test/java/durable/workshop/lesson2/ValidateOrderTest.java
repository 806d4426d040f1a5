package durable.workshop.lesson2;

import static durable.workshop.testkit.ExecutionExpectations.assertFailedWith;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 2.1: the order is checked inside the validate-order step, and a bad order fails with every reason. */
@Tag("exercise:2.1")
@DynaliteTest(tables = @DynamoTable(name = SampleCatalog.TABLE, partitionKey = "productId"))
class ValidateOrderTest {

    private final OrderOrchestrator orchestrator;

    ValidateOrderTest(DynamoDbClient dynamoDb) {
        orchestrator = new OrderOrchestrator(TestConfig.CONFIG, dynamoDb);
    }

    /** An execution that runs only the validation stage. */
    private LocalDurableTestRunner<Order, String> validationOnly() {
        return LocalDurableTestRunner.create(Order.class, (order, context) -> {
            orchestrator.validate(order, context);
            return "valid";
        });
    }

    @Test
    void orderWithoutItemsFailsWithInvalidOrder() {
        TestResult<String> result = validationOnly().runUntilComplete(SeedOrders.load(SeedOrders.NO_ITEMS));

        ErrorObject error = assertFailedWith(result, InvalidOrderException.class,
                say("ORDER-004 has no items, so the execution should fail", "ORDER-004 には明細（items）がないので、実行は失敗するはずです"));
        assertThat(error.errorMessage()).as(say("the message names the order and the field to fix",
                "エラーメッセージには注文 ID と、直すべきフィールドが含まれるはずです"))
                .contains("ORDER-004").contains("items");
        assertThat(names(result)).as(say("the check runs in one step named validate-order; history ",
                "検証は validate-order という名前の 1 つのステップで行います。履歴: ") + history(result))
                .containsExactly("validate-order");
        assertThat(result.getOperation("validate-order").getStatus())
                .as(say("validate-order returns its findings (a thrown error would be retried); history ",
                        "validate-order は検査結果を返して成功します（ステップの中で例外を投げるとリトライされてしまいます）。履歴: ") + history(result))
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void everyProblemNamesItsField() {
        Order seed = SeedOrders.load(SeedOrders.SUCCESS);
        Order broken = new Order(seed.orderId(), seed.customerId(),
                List.of(new Order.Item("", 0)),
                new Order.Address("1 Main St", " ", "WA", "98101", "US"),
                seed.billingAddress(), null);

        ErrorObject error = assertFailedWith(validationOnly().runUntilComplete(broken), InvalidOrderException.class,
                say("an order with four problems should fail", "問題が 4 つある注文なので、実行は失敗するはずです"));

        assertThat(error.errorMessage()).as(say("all problems are reported at once, each naming its field",
                "すべての問題が一度に報告され、それぞれがフィールド名を示すはずです"))
                .contains("items[0].productId", "items[0].quantity", "shippingAddress.city", "paymentMethod");
    }

    @Test
    void validOrderPassesThroughOneCheckpointedStep() {
        TestResult<String> result = validationOnly().runUntilComplete(SeedOrders.load(SeedOrders.SUCCESS));

        assertSucceeded(result, say("ORDER-001 is valid, so validation should let it through",
                "ORDER-001 は正しい注文なので、検証を通過するはずです"));
        TestOperation step = result.getOperation("validate-order");
        assertThat(step).as(say("a step named validate-order; history ",
                "validate-order という名前のステップがあるはずです。履歴: ") + history(result)).isNotNull();
        assertThat(step.getType()).isEqualTo(OperationType.STEP);
        assertThat(step.getStepResult(ValidationReport.class).valid())
                .as(say("the step's checkpointed result is the validation report",
                        "ステップのチェックポイントに記録された結果は検証レポートのはずです")).isTrue();
    }
}
