package durable.workshop.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The JUnit extension behind {@link DynaliteTest}. */
public class DynaliteExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Duration TABLE_TIMEOUT = Duration.ofSeconds(10);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

    /**
     * Tables this JVM created on a dynalite server, by endpoint and name, with the schema they were created with:
     * emptying one costs one request when it is empty, re-creating it four or more.
     */
    private static final Map<String, DynamoTable> CREATED = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store is closed when the whole test run ends, which stops the shared server; `make watch`
        // (workshop.dynalite.keep=true) grades run after run in one JVM and keeps it until the JVM ends.
        boolean keep = Boolean.getBoolean("workshop.dynalite.keep");
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            Dynalite.endpoint();
            return keep ? (AutoCloseable) () -> { } : (AutoCloseable) Dynalite::stop;
        }, AutoCloseable.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        DynamoDbClient client = client(context);
        for (DynamoTable table : tables(context)) {
            reset(client, table);
        }
    }

    /** Leaves {@code table} empty with its declared schema: emptied if this JVM created it so, else (re-)created. */
    private static void reset(DynamoDbClient client, DynamoTable table) {
        String key = Dynalite.endpoint() + " " + table.name();
        if (table.equals(CREATED.get(key))) {
            try {
                empty(client, table);
                return;
            } catch (ResourceNotFoundException deletedByTheTest) {
                // Created again below.
            }
        }
        CREATED.remove(key);
        recreate(client, table);
        CREATED.put(key, table);
    }

    /** Deletes every item, by key: a scan of the keys, then batches of 25 deletes (the API's limit). */
    private static void empty(DynamoDbClient client, DynamoTable table) {
        List<String> keyNames = table.sortKey().isBlank() ? List.of(table.partitionKey())
                : List.of(table.partitionKey(), table.sortKey());
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keyNames.size(); i++) {
            names.put("#k" + i, keyNames.get(i)); // placeholders: a key may be named like a reserved word
        }
        List<WriteRequest> deletes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(r -> r.tableName(table.name()).consistentRead(true)
                    .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names)
                    .exclusiveStartKey(from));
            page.items().forEach(item -> deletes.add(WriteRequest.builder()
                    .deleteRequest(d -> d.key(item)).build()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(table.name(), deletes.subList(from, Math.min(from + 25, deletes.size())));
            long deadline = System.nanoTime() + TABLE_TIMEOUT.toNanos();
            while (!batch.isEmpty()) {
                Map<String, List<WriteRequest>> pending = batch;
                batch = client.batchWriteItem(r -> r.requestItems(pending)).unprocessedItems();
                if (!batch.isEmpty() && System.nanoTime() > deadline) {
                    throw new IllegalStateException("DynamoDB table \"" + table.name() + "\" could not be emptied within "
                            + TABLE_TIMEOUT.toSeconds() + " s on the local dynalite server");
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client(context);
    }

    private static DynamoDbClient client(ExtensionContext context) {
        // One client per test class; the store closes it after the class.
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("client", key -> new ClosableClient(Dynalite.newClient()),
                ClosableClient.class).client;
    }

    private static List<DynamoTable> tables(ExtensionContext context) {
        // Nested classes see the tables of their enclosing classes too; each class counts once.
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            c.getTestClass().ifPresent(classes::add);
        }
        Map<String, DynamoTable> tables = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            AnnotationSupport.findAnnotation(type, DynaliteTest.class)
                    .ifPresent(annotation -> List.of(annotation.tables()).forEach(t -> tables.putIfAbsent(t.name(), t)));
        }
        return new ArrayList<>(tables.values());
    }

    private static void recreate(DynamoDbClient client, DynamoTable table) {
        if (table.name().isBlank()) {
            throw new IllegalArgumentException("@DynamoTable needs a non-blank name");
        }
        if (table.partitionKey().isBlank()) {
            throw new IllegalArgumentException("@DynamoTable(name = \"" + table.name() + "\") needs a non-blank partitionKey");
        }
        try {
            client.deleteTable(r -> r.tableName(table.name()));
            // Even with --deleteTableMs 0 the delete finishes just after the call returns.
            waitFor(client, table.name(), null, "deleted");
        } catch (ResourceNotFoundException firstTime) {
            // Nothing to delete.
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(table.partitionKey()).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(table.partitionKey()).attributeType(ScalarAttributeType.S).build());
        if (!table.sortKey().isBlank()) {
            keys.add(KeySchemaElement.builder().attributeName(table.sortKey()).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(table.sortKey()).attributeType(ScalarAttributeType.S).build());
        }
        client.createTable(CreateTableRequest.builder()
                .tableName(table.name())
                .keySchema(keys)
                .attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build());
        waitFor(client, table.name(), TableStatus.ACTIVE, "ACTIVE");
    }

    /** Polls until the table reaches {@code wanted} (null: gone), so a stuck server fails the test instead of hanging it. */
    private static void waitFor(DynamoDbClient client, String name, TableStatus wanted, String what) {
        long deadline = System.nanoTime() + TABLE_TIMEOUT.toNanos();
        while (status(client, name) != wanted) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DynamoDB table \"" + name + "\" was not " + what + " within "
                        + TABLE_TIMEOUT.toSeconds() + " s on the local dynalite server");
            }
            pause();
        }
    }

    private static TableStatus status(DynamoDbClient client, String name) {
        try {
            return client.describeTable(r -> r.tableName(name)).table().tableStatus();
        } catch (ResourceNotFoundException gone) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting DynamoDB tables", e);
        }
    }

    /** Lets the JUnit store close the client. */
    private record ClosableClient(DynamoDbClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
