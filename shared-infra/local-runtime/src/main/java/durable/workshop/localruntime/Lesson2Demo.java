package durable.workshop.localruntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionResponse;

/**
 * Lesson 2: submits the four sample orders (the lesson's test resources: success, payment declined, insufficient
 * inventory, no items) to the orchestrator, each as an execution named {@code <orderId>-<run id>}, and shows how
 * each one ended. Only the success order may succeed.
 */
final class Lesson2Demo implements LessonDemo {
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public void run(DemoSession s) throws Exception {
        StackDefinition.Function orchestrator = s.durableFunction();
        Path orders = s.lessonDir.resolve("src/test/resources/orders");
        List<Path> files;
        try (Stream<Path> list = Files.list(orders)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new Failed("No order files in " + orders);
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        s.say("Submitting the sample orders to " + orchestrator.name() + " (run id " + runId + ")",
                "サンプルの注文を " + orchestrator.name() + " に投入します（run id " + runId + "）");
        List<String> arns = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path file : files) {
            String json = Files.readString(file);
            Matcher m = ORDER_ID.matcher(json);
            if (!m.find()) {
                throw new Failed(file + " has no \"orderId\".");
            }
            String label = file.getFileName().toString().replaceAll("^order-\\d+-|\\.json$", "");
            String arn = s.start(orchestrator, m.group(1) + "-" + runId, json);
            s.say(String.format("  %-24s %s", label, arn), String.format("  %-24s %s", label, arn));
            arns.add(arn);
            labels.add(label);
        }
        s.say("Waiting for the executions to end (each invoke of a worker suspends the orchestrator until it answers)",
                "実行の終了を待ちます（ワーカーを invoke するたびに、応答までオーケストレーターは中断します）");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < arns.size(); i++) {
            GetDurableExecutionResponse end = s.awaitEnd(arns.get(i), Duration.ofMinutes(6));
            s.say("== " + labels.get(i), "== " + labels.get(i));
            s.printEnd(end);
            s.printHistory(arns.get(i));
            ExecutionStatus expected = labels.get(i).equals("success") ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED;
            if (end.status() != expected) {
                wrong.add(labels.get(i) + " ended " + end.statusAsString() + ", expected " + expected);
            }
        }
        if (!wrong.isEmpty()) {
            throw new Failed(String.join("; ", wrong));
        }
    }
}
