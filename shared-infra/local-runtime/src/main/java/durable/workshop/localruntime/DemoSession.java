package durable.workshop.localruntime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * What a lesson's demo driver works with: AWS SDK clients (for AWS, or for the local endpoint: the same code), the
 * names from the lesson's synthesized stack, and the time scale (1 on AWS) to turn execution time into real time.
 */
final class DemoSession {
    final LambdaClient lambda;
    final DynamoDbClient dynamo;
    final StackDefinition stack;
    final double timeScale;
    final Path lessonDir;
    private final Consumer<String> out;

    DemoSession(LambdaClient lambda, DynamoDbClient dynamo, StackDefinition stack, double timeScale, Path lessonDir,
                Consumer<String> out) {
        this.lambda = lambda;
        this.dynamo = dynamo;
        this.stack = stack;
        this.timeScale = timeScale;
        this.lessonDir = lessonDir;
        this.out = out;
    }

    void say(String english, String japanese) {
        out.accept(Text.say(english, japanese));
    }

    /** The stack's one durable function (lessons with several name theirs with {@link #function}). */
    StackDefinition.Function durableFunction() {
        List<StackDefinition.Function> durable = stack.functions.stream().filter(StackDefinition.Function::durable).toList();
        if (durable.size() != 1) {
            throw new IllegalStateException("The stack " + stack.stackName + " has " + durable.size()
                    + " durable functions; name the one the demo drives.");
        }
        return durable.get(0);
    }

    /** The stack's one table. */
    String table() {
        if (stack.tables.size() != 1) {
            throw new IllegalStateException("The stack " + stack.stackName + " has " + stack.tables.size() + " tables.");
        }
        return stack.tables.get(0).name();
    }

    /** Starts a durable execution asynchronously through the function's alias, named for an idempotent start. */
    String start(StackDefinition.Function f, String executionName, String payload) {
        String alias = f.aliases().isEmpty() ? "$LATEST" : f.aliases().get(0);
        return lambda.invoke(b -> b.functionName(f.name() + ":" + alias).invocationType(InvocationType.EVENT)
                .durableExecutionName(executionName).payload(SdkBytes.fromUtf8String(payload))).durableExecutionArn();
    }

    GetDurableExecutionResponse execution(String arn) {
        return lambda.getDurableExecution(b -> b.durableExecutionArn(arn));
    }

    List<Event> history(String arn) {
        return lambda.getDurableExecutionHistory(b -> b.durableExecutionArn(arn)).events();
    }

    /** Sleeps for this much execution time: the real time divided by the time scale. */
    void sleep(Duration executionTime) throws InterruptedException {
        Thread.sleep(Math.max(1, (long) (executionTime.toMillis() / timeScale)));
    }

    /** Polls every 10 s of execution time (at least every 50 ms) until the execution ends or the time is up. */
    GetDurableExecutionResponse awaitEnd(String arn, Duration executionTime) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (executionTime.toNanos() / timeScale) + Duration.ofSeconds(5).toNanos();
        GetDurableExecutionResponse r = execution(arn);
        while (r.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(10));
            r = execution(arn);
        }
        return r;
    }

    /** Waits until the history holds {@code count} events of {@code type}; false if the time ran out. */
    boolean awaitEvents(String arn, String type, int count, Duration executionTime) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (executionTime.toNanos() / timeScale) + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (history(arn).stream().filter(e -> type.equals(e.eventTypeAsString())).count() >= count) {
                return true;
            }
            sleep(Duration.ofSeconds(5));
        }
        return false;
    }

    void printEnd(GetDurableExecutionResponse r) {
        out.accept("  " + r.durableExecutionName() + ": " + r.statusAsString()
                + (r.result() != null ? "  " + r.result() : "")
                + (r.error() != null ? "  " + r.error().errorType() + ": " + r.error().errorMessage() : ""));
    }

    void printHistory(String arn) {
        for (Event e : history(arn)) {
            out.accept(String.format("    %3d %-22s %s", e.eventId(), e.eventTypeAsString(), e.name() == null ? "" : e.name()));
        }
    }
}
