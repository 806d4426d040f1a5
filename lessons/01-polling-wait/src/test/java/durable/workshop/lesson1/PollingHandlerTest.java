package durable.workshop.lesson1;

import static durable.workshop.lesson1.PollingHandler.LOAD_CONFIG;
import static durable.workshop.lesson1.PollingHandler.WAIT_UNTIL_COMPLETED;
import static durable.workshop.lesson1.TestItems.TABLE;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import durable.workshop.testkit.ExecutionAssertions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.OperationSubType;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 1.5: the whole durable handler, run by the SDK's local test runner against a local DynamoDB.
 * Waits take no real time here: the runner moves its clock forward instead.
 */
@Tag("exercise:1.5")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // simplest cases first
@DynaliteTest(tables = @DynamoTable(name = TABLE, partitionKey = "pk"))
class PollingHandlerTest {

    /** How often the handler looked up TABLE_NAME. */
    private final AtomicInteger configReads = new AtomicInteger();

    private LocalDurableTestRunner<PollingInput, PollingResult> runner(DynamoDbClient dynamo, String tableName) {
        PollingHandler handler = new PollingHandler(dynamo, name -> {
            configReads.incrementAndGet();
            return "TABLE_NAME".equals(name) ? tableName : null;
        });
        return LocalDurableTestRunner.create(PollingInput.class, handler);
    }

    @Test
    @Order(1)
    void succeedsOnTheFirstPollWhenTheItemIsAlreadyCompleted(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "completed");
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);

        TestResult<PollingResult> result = runner(counting, TABLE).runUntilComplete(new PollingInput("order-1"));

        ExecutionAssertions.assertSucceeded(result);
        assertThat(result.getResult(PollingResult.class)).as(say("result of the execution", "実行の結果"))
                .isEqualTo(new PollingResult("order-1", "completed", 1));
        assertThat(counting.reads())
                .as(say("item reads (one poll; a read outside the check step is repeated on every replay)",
                        "アイテムの読み取り回数（ポーリングは 1 回。チェックのステップの外で読むと、リプレイのたびに読み直されます）"))
                .isEqualTo(1);

        TestOperation config = Outcomes.operation(result, LOAD_CONFIG);
        assertThat(config.getType()).as(say("type of operation '%s'", "操作 '%s' の種類"), LOAD_CONFIG)
                .isEqualTo(OperationType.STEP);
        assertThat(config.getStatus()).as(say("status of operation '%s'", "操作 '%s' のステータス"), LOAD_CONFIG)
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(config.getStepResult(String.class))
                .as(say("checkpointed table name", "チェックポイントに保存されたテーブル名")).isEqualTo(TABLE);

        TestOperation wait = Outcomes.operation(result, WAIT_UNTIL_COMPLETED);
        assertThat(wait.getType()).as(say("type of operation '%s'", "操作 '%s' の種類"), WAIT_UNTIL_COMPLETED)
                .isEqualTo(OperationType.STEP);
        assertThat(wait.getSubtype()).as(say("subtype of operation '%s'", "操作 '%s' のサブタイプ"), WAIT_UNTIL_COMPLETED)
                .isEqualTo(OperationSubType.WAIT_FOR_CONDITION.getValue());
        assertThat(wait.getStatus()).as(say("status of operation '%s'", "操作 '%s' のステータス"), WAIT_UNTIL_COMPLETED)
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    @Order(2)
    void anEmptyInputWatchesTestItem(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "test-item", "completed");

        TestResult<PollingResult> result = runner(dynamo, TABLE).runUntilComplete(new PollingInput(null));

        ExecutionAssertions.assertSucceeded(result);
        assertThat(result.getResult(PollingResult.class)).as(say("result of the execution", "実行の結果"))
                .isEqualTo(new PollingResult("test-item", "completed", 1));
    }

    @Test
    @Order(3)
    void suspendsWhileWaitingAndFinishesByReplayOnceTheItemIsCompleted(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "incomplete");
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);
        LocalDurableTestRunner<PollingInput, PollingResult> runner = runner(counting, TABLE);
        PollingInput input = new PollingInput("order-1");

        // First invocation: one poll sees "incomplete", then the function stops until the next poll is due.
        // (With strict replay, which suspends after every checkpoint, the poll comes one invocation later.)
        TestResult<PollingResult> first = runner.run(input);
        for (int more = 0; more < 2 && first.getStatus() == ExecutionStatus.PENDING && counting.reads() == 0; more++) {
            first = runner.run(input);
        }
        Outcomes.assertPending(first);
        assertThat(counting.reads())
                .as(say("item reads in the first invocation (only inside the check step)",
                        "最初の呼び出しでのアイテムの読み取り回数（読むのはチェックのステップの中だけ）"))
                .isEqualTo(1);
        assertThat(Outcomes.operation(first, WAIT_UNTIL_COMPLETED).getStatus())
                .as(say("'%s' while the next poll is not due", "次のポーリングの時刻が来るまでの '%s' のステータス"),
                        WAIT_UNTIL_COMPLETED)
                .isEqualTo(OperationStatus.PENDING);

        TestItems.put(dynamo, "order-1", "completed");
        TestResult<PollingResult> last = runner.runUntilComplete(input);

        ExecutionAssertions.assertSucceeded(last);
        assertThat(last.getResult(PollingResult.class)).as(say("result of the execution", "実行の結果"))
                .isEqualTo(new PollingResult("order-1", "completed", 2));
        // The handler ran again from the top, but finished operations came back from their checkpoints.
        assertThat(counting.reads())
                .as(say("item reads: one per poll, none repeated by replay",
                        "アイテムの読み取り回数: ポーリング 1 回につき 1 回で、リプレイでは読み直さない"))
                .isEqualTo(2);
        assertThat(configReads)
                .as(say("TABLE_NAME look-ups: once, inside '%s'", "TABLE_NAME を参照した回数: '%s' の中で 1 回だけ"),
                        LOAD_CONFIG)
                .hasValue(1);
    }

    @Test
    @Order(4)
    void givesUpAfterTwelvePollsWithAClearError(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "incomplete");
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);

        TestResult<PollingResult> result = runner(counting, TABLE).runUntilComplete(new PollingInput("order-1"));

        assertThat(Outcomes.failureText(result)).as(say("error of the execution", "実行のエラー")).contains("order-1", "12");
        assertThat(counting.reads())
                .as(say("item reads, one per poll", "アイテムの読み取り回数（ポーリング 1 回につき 1 回）")).isEqualTo(12);
        assertThat(Outcomes.operation(result, WAIT_UNTIL_COMPLETED).getStatus())
                .as(say("status of operation '%s'", "操作 '%s' のステータス"), WAIT_UNTIL_COMPLETED)
                .isEqualTo(OperationStatus.FAILED);
    }

    @Test
    @Order(5)
    void failsOnTheFirstPollWhenTheItemIsMissing(DynamoDbClient dynamo) {
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);

        TestResult<PollingResult> result = runner(counting, TABLE).runUntilComplete(new PollingInput("order-1"));

        assertThat(Outcomes.failureText(result)).as(say("error of the execution", "実行のエラー")).contains("order-1", TABLE);
        assertThat(counting.reads()).as(say("item reads before failing", "失敗するまでのアイテムの読み取り回数")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void failsOnTheFirstPollWhenTheTableDoesNotExist(DynamoDbClient dynamo) {
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);

        TestResult<PollingResult> result =
                runner(counting, "no-such-table").runUntilComplete(new PollingInput("order-1"));

        assertThat(Outcomes.failureText(result)).as(say("error of the execution", "実行のエラー")).contains("no-such-table");
        assertThat(counting.reads()).as(say("item reads before failing", "失敗するまでのアイテムの読み取り回数")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void failsWithoutRetryingWhenTableNameIsNotSet(DynamoDbClient dynamo) {
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);

        TestResult<PollingResult> result = runner(counting, null).runUntilComplete(new PollingInput("order-1"));

        assertThat(Outcomes.failureText(result)).as(say("error of the execution", "実行のエラー")).contains("TABLE_NAME");
        assertThat(configReads)
                .as(say("TABLE_NAME look-ups: a missing setting is not retried",
                        "TABLE_NAME を参照した回数: 設定がないときはリトライしない"))
                .hasValue(1);
        assertThat(Outcomes.operation(result, LOAD_CONFIG).getStatus())
                .as(say("status of operation '%s'", "操作 '%s' のステータス"), LOAD_CONFIG)
                .isEqualTo(OperationStatus.FAILED);
        assertThat(counting.reads()).as(say("item reads", "アイテムの読み取り回数")).isZero();
    }

    @Test
    @Order(8)
    void rejectsABlankKeyBeforeAnyOperation(DynamoDbClient dynamo) {
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);

        TestResult<PollingResult> result = runner(counting, TABLE).runUntilComplete(new PollingInput("  "));

        assertThat(Outcomes.failureText(result)).as(say("error of the execution", "実行のエラー"))
                .contains("IllegalArgumentException", "key");
        assertThat(result.getOperation(LOAD_CONFIG))
                .as(say("operation '%s', which must not run for a bad key", "操作 '%s'（不正なキーでは実行されてはいけない）"),
                        LOAD_CONFIG)
                .isNull();
        assertThat(counting.reads()).as(say("item reads", "アイテムの読み取り回数")).isZero();
    }
}
