package durable.workshop.lesson4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The progress table (key {@code applicationId}) the status API reads: status, current step, steps done, the
 * recent log lines and, while a manager must decide, the id of the approval callback.
 *
 * <p>Every write is an UpdateItem that can be repeated: steps done and log lines are string sets (adding the same
 * entry twice keeps one), so a retried step does not repeat a line. {@code writes} counts the updates, which shows
 * in a test whether the workflow wrote from inside its steps (once) or outside them (once per replay).
 */
public class ProgressTable {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String CHECKING_CREDIT = "CHECKING_CREDIT";
    public static final String ASSESSING = "ASSESSING";
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String FRAUD_CHECK = "FRAUD_CHECK";
    public static final String APPROVED = LoanDecision.APPROVED;
    public static final String DENIED = LoanDecision.DENIED;
    public static final String FAILED = "FAILED";

    /** Always nine fraction digits: Instant.toString drops zeros, and "…:05Z" would sort after "…:05.1Z". */
    private static final DateTimeFormatter ENTRY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ProgressTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** One progress record as the status API shows it. {@code pendingCallbackId} is never sent to a browser. */
    public record Progress(String applicationId, String status, String currentStep, List<String> stepsDone,
                           List<String> log, String pendingCallbackId, String decision, String reason, int writes) {
    }

    /**
     * Creates the record of a new application with its first log line; false when the record existed already. The
     * line carries the time the API received the application, so it comes first in the log even when the
     * workflow's first step wrote before the API did.
     */
    public boolean submitted(String applicationId, Instant receivedAt, String line) {
        AttributeValue first = AttributeValue.fromSs(List.of(entry(receivedAt, line)));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .conditionExpression("attribute_not_exists(applicationId)")
                    .updateExpression("SET #status = :status, currentStep = :step, updatedAt = :now"
                            + " ADD #log :line, writes :one")
                    .expressionAttributeNames(Map.of("#status", "status", "#log", "log"))
                    .expressionAttributeValues(with(values(SUBMITTED, "submitted", line), ":line", first)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // The workflow's first step can write before the API does: keep its status, add only the API's line.
            dynamoDb.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .updateExpression("ADD #log :line")
                    .expressionAttributeNames(Map.of("#log", "log"))
                    .expressionAttributeValues(Map.of(":line", first)));
            return false;
        }
    }

    /** Records that {@code step} is done and the workflow moved on to {@code status}. */
    public void update(String applicationId, String status, String step, String line) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(applicationId))
                .updateExpression("SET #status = :status, currentStep = :step, updatedAt = :now"
                        + " ADD stepsDone :done, #log :line, writes :one")
                .expressionAttributeNames(Map.of("#status", "status", "#log", "log"))
                .expressionAttributeValues(with(values(status, step, line),
                        ":done", AttributeValue.fromSs(List.of(step)))));
    }

    /** The workflow waits for a manager: the API finds the callback id here. */
    public void awaitingApproval(String applicationId, String callbackId, String line) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(applicationId))
                .updateExpression("SET #status = :status, currentStep = :step, approvalCallbackId = :callback,"
                        + " updatedAt = :now ADD #log :line, writes :one")
                .expressionAttributeNames(Map.of("#status", "status", "#log", "log"))
                .expressionAttributeValues(with(values(AWAITING_APPROVAL, "manager-approval", line),
                        ":callback", AttributeValue.fromS(callbackId))));
    }

    /** The API sent the manager's decision: nothing is pending any more (only if it is still this callback). */
    public boolean approvalSent(String applicationId, String callbackId, String line) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .conditionExpression("approvalCallbackId = :callback")
                    .updateExpression("SET updatedAt = :now REMOVE approvalCallbackId ADD #log :line, writes :one")
                    .expressionAttributeNames(Map.of("#log", "log"))
                    .expressionAttributeValues(Map.of(":callback", AttributeValue.fromS(callbackId),
                            ":now", AttributeValue.fromS(Instant.now().toString()),
                            ":line", AttributeValue.fromSs(List.of(entry(line))),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The final decision. */
    public void decided(String applicationId, String status, String reason, String line) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(applicationId))
                .updateExpression("SET #status = :status, currentStep = :step, decision = :status,"
                        + " reason = :reason, updatedAt = :now REMOVE approvalCallbackId"
                        + " ADD stepsDone :done, #log :line, writes :one")
                .expressionAttributeNames(Map.of("#status", "status", "#log", "log"))
                .expressionAttributeValues(with(with(values(status, "done", line),
                        ":reason", AttributeValue.fromS(reason)), ":done", AttributeValue.fromSs(List.of("done")))));
    }

    public Optional<Progress> find(String applicationId) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(key(applicationId))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        List<String> log = new ArrayList<>(item.containsKey("log") ? item.get("log").ss() : List.of());
        log.sort(null);  // entries start with their time, so this is the order they were written in
        return Optional.of(new Progress(applicationId, text(item, "status"), text(item, "currentStep"),
                item.containsKey("stepsDone") ? List.copyOf(item.get("stepsDone").ss()) : List.of(),
                log.stream().map(ProgressTable::lineOf).toList(), text(item, "approvalCallbackId"),
                text(item, "decision"), text(item, "reason"),
                item.containsKey("writes") ? Integer.parseInt(item.get("writes").n()) : 0));
    }

    /** A log entry: the time, so entries sort in order, then the line. */
    static String entry(String line) {
        return entry(Instant.now(), line);
    }

    static String entry(Instant at, String line) {
        return ENTRY_TIME.format(at) + " " + line;
    }

    static String lineOf(String entry) {
        int space = entry.indexOf(' ');
        return space < 0 ? entry : entry.substring(space + 1);
    }

    private static Map<String, AttributeValue> key(String applicationId) {
        return Map.of("applicationId", AttributeValue.fromS(applicationId));
    }

    private static Map<String, AttributeValue> values(String status, String step, String line) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", AttributeValue.fromS(status));
        values.put(":step", AttributeValue.fromS(step));
        values.put(":now", AttributeValue.fromS(Instant.now().toString()));
        values.put(":line", AttributeValue.fromSs(List.of(entry(line))));
        values.put(":one", AttributeValue.fromN("1"));
        return values;
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name,
                                                    AttributeValue value) {
        values.put(name, value);
        return values;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
