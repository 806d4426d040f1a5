package durable.workshop.localruntime;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;

/**
 * Lesson 1: the durable function waits for an item to become "completed". Puts the item as "incomplete", starts
 * a named execution (and starts it again, to show the idempotent start), waits for the first check, marks the
 * item completed and waits for the next check (5 minutes later) to end the execution; then deletes the item.
 */
final class Lesson1Demo implements LessonDemo {
    static final String KEY = "test-item";

    @Override
    public void run(DemoSession s) throws Exception {
        StackDefinition.Function polling = s.durableFunction();
        String table = s.table();
        String name = "polling-demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

        s.say("1. Put the item the function waits for", "1. 関数が待つアイテムを書き込む");
        put(s, table, "incomplete");

        s.say("2. Start the durable execution '" + name + "' on " + polling.name() + " (asynchronous)",
                "2. durable 実行 '" + name + "' を " + polling.name() + " で開始する（非同期）");
        String payload = "{\"key\": \"" + KEY + "\"}";
        String arn = s.start(polling, name, payload);
        s.say("  execution: " + arn, "  実行: " + arn);
        String again = s.start(polling, name, payload);
        s.say("  the same name and payload again returns the same execution: " + (again.equals(arn) ? "yes" : again),
                "  同じ名前と入力でもう一度開始すると同じ実行が返る: " + (again.equals(arn) ? "はい" : again));

        s.say("3. The function checks the item, finds it incomplete and suspends (no compute while it waits)",
                "3. 関数はアイテムを確認し、incomplete なので中断する（待つ間は計算しない）");
        if (!s.awaitEvents(arn, "InvocationCompleted", 1, Duration.ofMinutes(2))) {
            throw new Failed("The first check did not finish within 2 minutes of execution time.");
        }
        s.sleep(Duration.ofMinutes(1));

        s.say("4. Mark the item completed; the next check (at most 5 minutes later) ends the execution",
                "4. アイテムを completed にする。次の確認（最大 5 分後）で実行が終わる");
        put(s, table, "completed");
        var end = s.awaitEnd(arn, Duration.ofMinutes(8));

        s.say("5. How the execution ended, and its history", "5. 実行の結末と履歴");
        s.printEnd(end);
        s.printHistory(arn);

        s.say("6. Reset: delete the item", "6. 後片付け: アイテムを削除する");
        s.dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(KEY))));
        if (end.status() != ExecutionStatus.SUCCEEDED) {
            throw new Failed("The execution " + name + " ended " + end.statusAsString() + ", not SUCCEEDED.");
        }
    }

    private static void put(DemoSession s, String table, String value) {
        s.dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(KEY),
                "value", AttributeValue.fromS(value))));
        s.say("  " + table + ": pk=" + KEY + " value=" + value, "  " + table + ": pk=" + KEY + " value=" + value);
    }
}
