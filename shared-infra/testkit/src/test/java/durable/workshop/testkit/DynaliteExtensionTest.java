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
        @DynamoTable(name = "events", partitionKey = "pk", sortKey = "sk")})
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

        dynamo.putItem(r -> r.tableName("items").item(ITEM));
        dynamo.putItem(r -> r.tableName("events").item(Map.of(
                "pk", AttributeValue.fromS("job-1"), "sk", AttributeValue.fromS("0001"))));
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
