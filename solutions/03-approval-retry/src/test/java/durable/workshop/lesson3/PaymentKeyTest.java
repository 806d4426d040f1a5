package durable.workshop.lesson3;

import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.ExecutionExpectations.names;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/** Exercise 3.4: the idempotency key is a random UUID, so it is created inside its own step and checkpointed. */
@Tag("exercise:3.4")
class PaymentKeyTest {

    // The key step touches no table: a client that is never used is enough.
    private final OrderWorkflow workflow = Fixtures.workflow(DynamoDbClient.builder()
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(java.net.URI.create("http://127.0.0.1:9"))
            .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
            .build());

    private LocalDurableTestRunner<Order, String> keyOnly() {
        return LocalDurableTestRunner.create(Order.class,
                (input, context) -> workflow.paymentKey(Fixtures.priced123(), context));
    }

    @Test
    void theKeyIsAUuidCheckpointedByTheCreatePaymentKeyStep() {
        TestResult<String> result = keyOnly().runUntilComplete(Fixtures.order123());

        assertSucceeded(result, say("paymentKey() should return the key", "paymentKey() はキーを返すはずです"));
        assertThat(names(result)).as(say("the key is made in one step named create-payment-key; history ",
                "キーは create-payment-key という名前の 1 つのステップで作るはずです。履歴: ") + history(result))
                .containsExactly("create-payment-key");
        String key = result.getResult(String.class);
        assertThat(UUID.fromString(key).toString()).as(say("a random UUID (UUID.randomUUID())", "ランダムな UUID（UUID.randomUUID()）のはずです"))
                .isEqualTo(key);
        assertThat(result.getOperation("create-payment-key").getStepResult(String.class))
                .as(say("the key returned is the checkpointed one, so every replay uses the same key",
                        "返すキーはチェックポイントされたものと同じはずです。だからリプレイしても同じキーになります"))
                .isEqualTo(key);
    }

    @Test
    void everyExecutionGetsItsOwnKeyAndKeepsIt() {
        LocalDurableTestRunner<Order, String> first = keyOnly();
        String key = first.runUntilComplete(Fixtures.order123()).getResult(String.class);
        String replayed = first.runUntilComplete(Fixtures.order123()).getResult(String.class);
        String other = keyOnly().runUntilComplete(Fixtures.order123()).getResult(String.class);

        assertThat(replayed).as(say("a replay of the same execution reads the key from its checkpoint",
                "同じ実行のリプレイは、キーをチェックポイントから読むはずです")).isEqualTo(key);
        assertThat(other).as(say("another execution gets a new key: never derive it from a constant",
                "別の実行には新しいキーが付くはずです。定数から作ってはいけません")).isNotEqualTo(key);
    }
}
