package durable.workshop.localruntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.Execution;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionResponse;

/**
 * Lesson 3: an order waits for a person, then the payment is retried. Submits the lesson's sample orders
 * order-123 and order-456, each with the order id {@code <orderId>-<run id>} (an order id is taken once, so every
 * run submits new orders) and under that execution name, lists the workflow's executions and
 * inspects one while it waits in {@code approval-callback}, approves order-123 and rejects order-456 by order
 * id (the callback id is the one the workflow stored in the order table), then shows order-123's payment: the
 * sandbox gateway answers 503 to the first attempt of each idempotency key, so {@code charge-payment} fails once and
 * succeeds on its retry, with the same key. A third order, order-789 (quantity 0), fails at once with the field named.
 */
final class Lesson3Demo implements LessonDemo {
    static final String APPROVE = "order-123.json";
    static final String REJECT = "order-456-robot.json";
    static final String INVALID = "order-789-invalid.json";
    private static final String AWAITING = "AWAITING_APPROVAL";
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public void run(DemoSession s) throws Exception {
        StackDefinition.Function workflow = s.durableFunction();
        String orders = workflow.environment().get("ORDERS_TABLE");
        if (orders == null) {
            throw new Failed(workflow.name() + " has no ORDERS_TABLE in its environment.");
        }
        String alias = workflow.aliases().isEmpty() ? "$LATEST" : workflow.aliases().get(0);
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

        s.say("1. Submit three orders to " + workflow.name() + ":" + alias + " (asynchronous; order id and execution name"
                        + " <orderId>-" + runId + ")",
                "1. 注文を 3 つ " + workflow.name() + ":" + alias + " に投入する（非同期。注文 ID と実行名は <orderId>-" + runId + "）");
        String approvedOrder = order(s, APPROVE, runId);
        String rejectedOrder = order(s, REJECT, runId);
        String approvedId = orderId(approvedOrder);
        String rejectedId = orderId(rejectedOrder);
        String approved = s.start(workflow, approvedId, approvedOrder);
        String rejected = s.start(workflow, rejectedId, rejectedOrder);
        String invalidOrder = order(s, INVALID, runId);
        String invalid = s.start(workflow, orderId(invalidOrder), invalidOrder);
        for (String arn : List.of(approved, rejected, invalid)) {
            s.say("  " + arn, "  " + arn);
        }

        s.say("2. The invalid order fails at once, naming the field", "2. 不正な注文は、項目を名指ししてすぐに失敗する");
        GetDurableExecutionResponse invalidEnd = s.awaitEnd(invalid, Duration.ofMinutes(2));
        s.printEnd(invalidEnd);

        s.say("3. Wait until the other two wait for an approver: the workflow stored the callback id with the order ("
                        + AWAITING + ") and suspended (nothing runs, nothing is billed while it waits)",
                "3. 残りの 2 つが承認者を待つまで待つ: ワークフローはコールバック ID を注文と一緒に保存し（" + AWAITING
                        + "）、中断した（待つあいだは何も動かず、課金もされない）");
        String approveCallback = awaitCallbackId(s, orders, approvedId);
        String rejectCallback = awaitCallbackId(s, orders, rejectedId);

        s.say("4. The workflow's executions (ListDurableExecutionsByFunction, newest first)",
                "4. ワークフローの実行の一覧（ListDurableExecutionsByFunction、新しい順）");
        List<Execution> executions = s.lambda.listDurableExecutionsByFunction(b -> b.functionName(workflow.name())
                .qualifier(alias).reverseOrder(true).maxItems(10)).durableExecutions();
        for (Execution e : executions) {
            s.say(String.format("  %-36s %-9s %s", e.durableExecutionName(), e.statusAsString(), e.startTimestamp()),
                    String.format("  %-36s %-9s %s", e.durableExecutionName(), e.statusAsString(), e.startTimestamp()));
        }

        s.say("5. One execution while it waits (GetDurableExecution, GetDurableExecutionHistory)",
                "5. 待っている実行の詳細（GetDurableExecution、GetDurableExecutionHistory）");
        s.printEnd(s.execution(approved));
        s.printHistory(approved);

        s.say("6. Approve " + approvedId + " and reject " + rejectedId + ": the callback ids come from the order table",
                "6. " + approvedId + " を承認し、" + rejectedId + " を却下する: コールバック ID は注文テーブルから読む");
        answer(s, approvedId, approveCallback, "{\"approved\":true,\"approver\":\"alice\",\"comment\":\"approved in the demo\"}");
        answer(s, rejectedId, rejectCallback, "{\"approved\":false,\"approver\":\"alice\",\"comment\":\"rejected in the demo\"}");

        s.say("7. How they ended", "7. 実行の結末");
        GetDurableExecutionResponse approvedEnd = s.awaitEnd(approved, Duration.ofMinutes(5));
        GetDurableExecutionResponse rejectedEnd = s.awaitEnd(rejected, Duration.ofMinutes(5));
        s.printEnd(approvedEnd);
        s.printEnd(rejectedEnd);

        s.say("8. The payment of " + approvedId + ": the gateway answered 503 to the first attempt, the step's retry"
                        + " strategy tried again with the same idempotency key, and the second attempt was charged",
                "8. " + approvedId + " の支払い: ゲートウェイは 1 回目の試行に 503 を返し、ステップのリトライ戦略が同じ冪等性キーで"
                        + "やり直し、2 回目の試行で課金された");
        s.printHistory(approved);
        List<Event> history = s.history(approved);
        for (Event e : history) {
            if (e.stepFailedDetails() != null && e.stepFailedDetails().retryDetails() != null) {
                var error = e.stepFailedDetails().error() == null ? null : e.stepFailedDetails().error().payload();
                s.say("  " + e.name() + " attempt " + e.stepFailedDetails().retryDetails().currentAttempt() + " failed ("
                                + (error == null ? "" : error.errorType() + ": " + error.errorMessage()) + "), retried after "
                                + e.stepFailedDetails().retryDetails().nextAttemptDelaySeconds() + " s",
                        "  " + e.name() + " の試行 " + e.stepFailedDetails().retryDetails().currentAttempt() + " は失敗（"
                                + (error == null ? "" : error.errorType() + ": " + error.errorMessage()) + "）、"
                                + e.stepFailedDetails().retryDetails().nextAttemptDelaySeconds() + " 秒後にやり直した");
            }
        }

        StringBuilder wrong = new StringBuilder();
        if (approvedEnd.status() != ExecutionStatus.SUCCEEDED || !String.valueOf(approvedEnd.result()).contains("\"COMPLETED\"")) {
            wrong.append(approvedId).append(" ended ").append(approvedEnd.statusAsString()).append(' ')
                    .append(approvedEnd.result()).append(", expected SUCCEEDED with status COMPLETED. ");
        }
        if (history.stream().noneMatch(e -> "charge-payment".equals(e.name()) && e.stepFailedDetails() != null)) {
            wrong.append("charge-payment of ").append(approvedId).append(" was not retried (no failed attempt). ");
        }
        if (rejectedEnd.status() != ExecutionStatus.SUCCEEDED || !String.valueOf(rejectedEnd.result()).contains("\"CANCELLED\"")) {
            wrong.append(rejectedId).append(" ended ").append(rejectedEnd.statusAsString()).append(' ')
                    .append(rejectedEnd.result()).append(", expected SUCCEEDED with status CANCELLED.");
        }
        if (invalidEnd.status() != ExecutionStatus.FAILED || invalidEnd.error() == null
                || !String.valueOf(invalidEnd.error().errorMessage()).contains("items[0].quantity")) {
            wrong.append(" The invalid order ended ").append(invalidEnd.statusAsString())
                    .append(", expected FAILED naming items[0].quantity.");
        }
        if (!wrong.isEmpty()) {
            throw new Failed(wrong.toString().trim());
        }
    }

    /** The sample order of {@code file}, its order id followed by {@code -<run id>}. */
    private static String order(DemoSession s, String file, String runId) throws Exception {
        Path path = s.lessonDir.resolve("src/test/resources/orders").resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new Failed("No order file " + path);
        }
        Matcher m = ORDER_ID.matcher(Files.readString(path));
        if (!m.find()) {
            throw new Failed(path + " has no \"orderId\".");
        }
        return m.replaceFirst(Matcher.quoteReplacement("\"orderId\": \"" + m.group(1) + "-" + runId + "\""));
    }

    private static String orderId(String order) {
        Matcher m = ORDER_ID.matcher(order);
        m.find();
        return m.group(1);
    }

    /** The callback id stored with the order once the workflow waits for its approver. */
    private static String awaitCallbackId(DemoSession s, String table, String orderId) throws Exception {
        long deadline = System.nanoTime() + (long) (Duration.ofMinutes(2).toNanos() / s.timeScale)
                + Duration.ofSeconds(10).toNanos();
        Map<String, AttributeValue> item = Map.of();
        while (System.nanoTime() < deadline) {
            item = s.dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
            if (item.containsKey("status") && AWAITING.equals(item.get("status").s()) && item.containsKey("callbackId")) {
                String id = item.get("callbackId").s();
                s.say("  " + table + ": " + orderId + " " + AWAITING + ", callbackId " + id,
                        "  " + table + ": " + orderId + " " + AWAITING + "、callbackId " + id);
                return id;
            }
            s.sleep(Duration.ofSeconds(2));
        }
        throw new Failed("Order " + orderId + " is " + (item.containsKey("status") ? item.get("status").s() : "not in "
                + table) + ", not " + AWAITING + " after 2 minutes of execution time.");
    }

    private static void answer(DemoSession s, String orderId, String callbackId, String result) {
        s.lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId).result(SdkBytes.fromUtf8String(result)));
        s.say("  " + orderId + ": SendDurableExecutionCallbackSuccess " + result,
                "  " + orderId + ": SendDurableExecutionCallbackSuccess " + result);
    }
}
