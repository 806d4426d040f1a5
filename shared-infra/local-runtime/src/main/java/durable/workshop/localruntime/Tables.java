package durable.workshop.localruntime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The stack's DynamoDB tables in dynalite, and the items the stack writes at deploy time (when a table is new). */
final class Tables {

    private Tables() {
    }

    @SuppressWarnings("unchecked")
    static void create(DynamoDbClient dynamo, StackDefinition stack, Consumer<String> log) {
        List<String> created = new ArrayList<>();
        for (StackDefinition.Table t : stack.tables) {
            try {
                dynamo.describeTable(b -> b.tableName(t.name()));
                continue; // kept from the last run
            } catch (ResourceNotFoundException missing) {
                // create it below
            }
            Map<String, Object> p = t.properties();
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (Map<String, Object> gsi : (List<Map<String, Object>>) p.getOrDefault("GlobalSecondaryIndexes", List.of())) {
                Map<String, Object> projection = (Map<String, Object>) gsi.getOrDefault("Projection", Map.of());
                indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(String.valueOf(gsi.get("IndexName")))
                        .keySchema(keys((List<Map<String, Object>>) gsi.get("KeySchema")))
                        .projection(Projection.builder().projectionType(ProjectionType.fromValue(
                                String.valueOf(projection.getOrDefault("ProjectionType", "ALL")))).build())
                        .build());
            }
            List<AttributeDefinition> attributes = new ArrayList<>();
            for (Map<String, Object> a : (List<Map<String, Object>>) p.get("AttributeDefinitions")) {
                attributes.add(AttributeDefinition.builder().attributeName(String.valueOf(a.get("AttributeName")))
                        .attributeType(String.valueOf(a.get("AttributeType"))).build());
            }
            dynamo.createTable(b -> {
                b.tableName(t.name()).billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keys((List<Map<String, Object>>) p.get("KeySchema")))
                        .attributeDefinitions(attributes);
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
            created.add(t.name());
        }
        for (StackDefinition.SeedCall call : stack.seedCalls) {
            seed(dynamo, call, created, log);
        }
        if (!created.isEmpty()) {
            log.accept(Text.say("tables created: ", "テーブルを作成: ") + String.join(", ", created));
        }
    }

    private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
        List<KeySchemaElement> out = new ArrayList<>();
        for (Map<String, Object> k : schema) {
            out.add(KeySchemaElement.builder().attributeName(String.valueOf(k.get("AttributeName")))
                    .keyType(String.valueOf(k.get("KeyType"))).build());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void seed(DynamoDbClient dynamo, StackDefinition.SeedCall call, List<String> newTables,
                             Consumer<String> log) {
        Map<String, Object> params = call.parameters();
        switch (call.action()) {
            case "batchWriteItem" -> {
                Map<String, List<Map<String, Object>>> requests =
                        (Map<String, List<Map<String, Object>>>) params.get("RequestItems");
                requests.forEach((table, writes) -> {
                    if (!newTables.contains(table)) {
                        return;
                    }
                    List<WriteRequest> batch = new ArrayList<>();
                    for (Map<String, Object> w : writes) {
                        Map<String, Object> put = (Map<String, Object>) w.get("PutRequest");
                        if (put != null) {
                            batch.add(WriteRequest.builder().putRequest(r -> r.item(item(
                                    (Map<String, Object>) put.get("Item")))).build());
                        }
                    }
                    dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
                    log.accept(Text.say("sample items loaded into ", "サンプルのアイテムを読み込み: ") + table
                            + " (" + batch.size() + ")");
                });
            }
            case "putItem" -> {
                String table = String.valueOf(params.get("TableName"));
                if (newTables.contains(table)) {
                    dynamo.putItem(b -> b.tableName(table).item(item((Map<String, Object>) params.get("Item"))));
                }
            }
            default -> log.accept(Text.say("skipped the stack's DynamoDB call " + call.action() + " (not supported locally)",
                    "スタックの DynamoDB 呼び出し " + call.action() + " をスキップ（ローカルでは未対応）"));
        }
    }

    /** An item in the API's attribute-value JSON ({"S": ...}, {"N": ...}, ...) as SDK values. */
    @SuppressWarnings("unchecked")
    static Map<String, AttributeValue> item(Map<String, Object> json) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        json.forEach((k, v) -> out.put(k, value((Map<String, Object>) v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue value(Map<String, Object> v) {
        Map.Entry<String, Object> e = v.entrySet().iterator().next();
        Object x = e.getValue();
        return switch (e.getKey()) {
            case "S" -> AttributeValue.fromS(String.valueOf(x));
            case "N" -> AttributeValue.fromN(String.valueOf(x));
            case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(String.valueOf(x)));
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(String.valueOf(x))));
            case "SS" -> AttributeValue.fromSs((List<String>) x);
            case "NS" -> AttributeValue.fromNs((List<String>) x);
            case "L" -> AttributeValue.fromL(((List<Map<String, Object>>) x).stream().map(Tables::value).toList());
            case "M" -> AttributeValue.fromM(item((Map<String, Object>) x));
            default -> throw new IllegalArgumentException("Unknown DynamoDB attribute type " + e.getKey());
        };
    }
}
