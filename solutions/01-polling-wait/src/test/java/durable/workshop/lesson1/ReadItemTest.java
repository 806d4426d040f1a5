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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Exercise 1.1: the check reads the item through the real DynamoDB API. */
@Tag("exercise:1.1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // simplest cases first
@DynaliteTest(tables = @DynamoTable(name = TABLE, partitionKey = "pk"))
class ReadItemTest {

    private static PollingHandler handler(DynamoDbClient dynamo) {
        return new PollingHandler(dynamo, name -> null);
    }

    @Test
    @Order(1)
    void readsTheValueAttributeOfTheItem(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "incomplete");

        assertThat(handler(dynamo).readValue(TABLE, "order-1"))
                .as(say("value of the item 'order-1'", "アイテム 'order-1' の値")).contains("incomplete");
    }

    @Test
    @Order(2)
    void readsAgainEveryTimeSoItSeesChanges(DynamoDbClient dynamo) {
        PollingHandler handler = handler(dynamo);
        TestItems.put(dynamo, "order-1", "incomplete");
        assertThat(handler.readValue(TABLE, "order-1"))
                .as(say("value of the item 'order-1'", "アイテム 'order-1' の値")).contains("incomplete");

        TestItems.put(dynamo, "order-1", "completed");

        assertThat(handler.readValue(TABLE, "order-1"))
                .as(say("value after the item changed", "アイテムが変わった後に読んだ値")).contains("completed");
    }

    @Test
    @Order(3)
    void readsTheItemWithTheGivenKeyOnly(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-1", "incomplete");
        TestItems.put(dynamo, "order-2", "completed");

        assertThat(handler(dynamo).readValue(TABLE, "order-1"))
                .as(say("value of the item 'order-1', not of 'order-2'",
                        "アイテム 'order-1' の値（'order-2' のものではなく）"))
                .contains("incomplete");
    }

    @Test
    @Order(4)
    void findsNothingWhenTheItemDoesNotExist(DynamoDbClient dynamo) {
        TestItems.put(dynamo, "order-2", "completed");

        assertThat(handler(dynamo).readValue(TABLE, "order-1"))
                .as(say("value of the item 'order-1', which does not exist", "存在しないアイテム 'order-1' の値"))
                .isEmpty();
    }

    @Test
    @Order(5)
    void namesTheTableWhenItDoesNotExist(DynamoDbClient dynamo) {
        Throwable error = Outcomes.thrownBy(() -> handler(dynamo).readValue("no-such-table", "order-1"));

        assertThat(error).as(say("error for an unknown table", "存在しないテーブルに対するエラー")).isNotNull()
                .isNotInstanceOf(DynamoDbException.class)
                .hasMessageContaining("no-such-table");
    }
}
