package durable.workshop.localruntime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionResponse;

/** The fixture stack, and the real Lambda client pointed at a local runtime. */
final class Fixtures {
    static final String APPROVAL = "fixture-approval";

    private Fixtures() {
    }

    static String template() throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixture-stack.template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static LocalRuntime start(Path state) throws IOException {
        return LocalRuntime.start(new LocalRuntime.Options("fixture-stack", template(),
                Fixtures.class.getClassLoader(), state, 60, 0, line -> System.out.println(line)));
    }

    static LambdaClient client(URI endpoint) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Polls (every 50 ms, up to 20 s) until the execution matches. */
    static GetDurableExecutionResponse awaitExecution(LambdaClient lambda, String arn,
                                                      Predicate<GetDurableExecutionResponse> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        GetDurableExecutionResponse r;
        do {
            r = lambda.getDurableExecution(b -> b.durableExecutionArn(arn));
            if (done.test(r)) {
                return r;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("execution did not get there in 20 s; last status " + r.statusAsString());
    }

    /** The callback id the execution is waiting on, once its CallbackStarted event is in the history. */
    static String awaitCallbackId(LambdaClient lambda, String arn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Event> events = lambda.getDurableExecutionHistory(b -> b.durableExecutionArn(arn)).events();
            for (Event e : events) {
                if (e.callbackStartedDetails() != null) {
                    return e.callbackStartedDetails().callbackId();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no callback started in 20 s");
    }
}
