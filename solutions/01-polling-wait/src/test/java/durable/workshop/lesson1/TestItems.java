package durable.workshop.lesson1;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Test data: the items the handler watches, written the way an external process would. */
final class TestItems {

    /** The table every lesson 1 test creates in the local DynamoDB. */
    static final String TABLE = "workshop-items";

    private TestItems() {
    }

    static void put(DynamoDbClient dynamo, String key, String value) {
        dynamo.putItem(request -> request
                .tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS(key), "value", AttributeValue.fromS(value))));
    }
}
