package durable.workshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

@DynaliteTest(tables = {
        @DynamoTable(name = "items", partitionKey = "pk"),
        @DynamoTable(name = "events", partitionKey = "pk", sortKey = "sk"),
        @DynamoTable(name = "orders", partitionKey = "name", sortKey = "status")}) // reserved words as keys
class DynaliteExtensionTest {

    private static final Map<String, AttributeValue> ITEM = Map.of(
            "pk", AttributeValue.fromS("job-1"), "value", AttributeValue.fromS("completed"));

    @Test
    void writesAndReadsAnItemThroughTheRealApi(DynamoDbClient dynamo) {
        dynamo.putItem(r -> r.tableName("items").item(ITEM));

        Map<String, AttributeValue> read = dynamo.getItem(r -> r.tableName("items")
                .key(Map.of("pk", AttributeValue.fromS("job-1"))).consistentRead(true)).item();

        assertThat(read).isEqualTo(ITEM);
        assertThat(Dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @RepeatedTest(2)
    void everyTestStartsWithEmptyTables(DynamoDbClient dynamo) {
        // The first repetition leaves items behind; the second must not see them.
        assertThat(dynamo.scan(r -> r.tableName("items")).count()).isZero();
        assertThat(dynamo.scan(r -> r.tableName("events")).count()).isZero();

        assertThat(dynamo.scan(r -> r.tableName("orders")).count()).isZero();

        dynamo.putItem(r -> r.tableName("items").item(ITEM));
        // More than one batch of deletes (25) to empty.
        for (int i = 0; i < 60; i++) {
            String sk = String.format("%04d", i);
            dynamo.putItem(r -> r.tableName("events").item(Map.of(
                    "pk", AttributeValue.fromS("job-1"), "sk", AttributeValue.fromS(sk), "note", AttributeValue.fromS("x"))));
        }
        dynamo.putItem(r -> r.tableName("orders").item(Map.of(
                "name", AttributeValue.fromS("order-1"), "status", AttributeValue.fromS("NEW"))));
    }

    @RepeatedTest(2)
    void aTableATestDeletedIsThereAgainForTheNext(DynamoDbClient dynamo) {
        assertThat(dynamo.scan(r -> r.tableName("items")).count()).isZero();

        dynamo.putItem(r -> r.tableName("items").item(ITEM));
        dynamo.deleteTable(r -> r.tableName("items"));
    }

    @Test
    void createsTheDeclaredKeySchema(DynamoDbClient dynamo) {
        var keys = dynamo.describeTable(r -> r.tableName("events")).table().keySchema();

        assertThat(keys).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
    }

    @Nested
    class NestedTests {
        @Test
        void seeTheOuterTables(DynamoDbClient dynamo) {
            assertThat(dynamo.scan(r -> r.tableName("items")).count()).isZero();
        }
    }
}
