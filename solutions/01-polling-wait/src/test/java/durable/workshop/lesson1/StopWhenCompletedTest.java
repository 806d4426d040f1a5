package durable.workshop.lesson1;

import static durable.workshop.lesson1.TestItems.TABLE;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.model.WaitForConditionResult;

/** Exercise 1.2: the condition check stops on "completed", keeps polling otherwise, and counts its polls. */
@Tag("exercise:1.2")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // simplest cases first
@DynaliteTest(tables = @DynamoTable(name = TABLE, partitionKey = "pk"))
class StopWhenCompletedTest {

    private static PollingHandler handler(DynamoDbClient dynamo) {
        return new PollingHandler(dynamo, name -> null);
    }

    @Test
    @Order(1)
    void stopsPollingWhenTheValueIsCompleted(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "completed");

        WaitForConditionResult<PollState> result = handler(dynamo).checkCondition(TABLE, PollState.start("order-1"));

        assertThat(result.isDone())
                .as(say("done after reading 'completed'", "'completed' を読んだ後にポーリングを終えるか"))
                .isTrue();
        assertThat(result.value()).as(say("state after the first poll", "1 回目のポーリングの後の状態"))
                .isEqualTo(new PollState("order-1", "completed", 1));
    }

    @Test
    @Order(2)
    void keepsPollingWhileTheValueIsSomethingElse(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "incomplete");

        WaitForConditionResult<PollState> result = handler(dynamo).checkCondition(TABLE, PollState.start("order-1"));

        assertThat(result.isDone())
                .as(say("done after reading 'incomplete'", "'incomplete' を読んだ後にポーリングを終えるか"))
                .isFalse();
        assertThat(result.value()).as(say("state after the first poll", "1 回目のポーリングの後の状態"))
                .isEqualTo(new PollState("order-1", "incomplete", 1));
    }

    @Test
    @Order(3)
    void readsTheItemOnEveryCheckAndCountsThePolls(DynamoDbClient dynamo) {
        PollingHandler handler = handler(dynamo);
        TestItems.put(dynamo, "order-1", "incomplete");
        PollState afterThree = new PollState("order-1", "incomplete", 3);

        WaitForConditionResult<PollState> fourth = handler.checkCondition(TABLE, afterThree);
        assertThat(fourth.isDone())
                .as(say("done after the 4th poll read 'incomplete'", "4 回目のポーリングで 'incomplete' を読んだ後に終えるか"))
                .isFalse();
        assertThat(fourth.value()).as(say("state after the 4th poll", "4 回目のポーリングの後の状態"))
                .isEqualTo(new PollState("order-1", "incomplete", 4));

        TestItems.put(dynamo, "order-1", "completed");
        WaitForConditionResult<PollState> fifth = handler.checkCondition(TABLE, fourth.value());

        assertThat(fifth.isDone())
                .as(say("done once the item says 'completed'", "アイテムが 'completed' になった後に終えるか"))
                .isTrue();
        assertThat(fifth.value()).as(say("state after the 5th poll", "5 回目のポーリングの後の状態"))
                .isEqualTo(new PollState("order-1", "completed", 5));
    }

    @Test
    @Order(4)
    void failsFastNamingKeyAndTableWhenTheItemIsMissing(DynamoDbClient dynamo) {
        Throwable error = Outcomes.thrownBy(() -> handler(dynamo).checkCondition(TABLE, PollState.start("order-1")));

        assertThat(error).as(say("error for a missing item", "アイテムがないときのエラー")).isNotNull()
                .hasMessageContaining("order-1")
                .hasMessageContaining(TABLE);
    }
}
