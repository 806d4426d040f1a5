package durable.workshop.localruntime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code make demo LESSON=n [LOCAL=1]}: runs the lesson's demo driver against the deployed stack (the AWS SDK's
 * usual credentials and region, or --profile/--region) or, with --local, against the local endpoint: the one
 * {@code make run} started, else one started here for the demo. The same driver code runs both ways.
 */
public final class DemoMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int lesson = Integer.parseInt(a.get("lesson"));
        LessonDemo demo = LessonDemo.BY_LESSON.get(lesson);
        if (demo == null) {
            System.err.println(Text.say("Lesson " + lesson + " has no demo driver yet (lessons with one: "
                    + LessonDemo.BY_LESSON.keySet() + ").", "レッスン " + lesson + " にはまだデモがありません（デモのあるレッスン: "
                    + LessonDemo.BY_LESSON.keySet() + "）。"));
            System.exit(2);
        }
        List<URL> urls = new ArrayList<>();
        for (String p : a.get("classpath").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(p).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), DemoMain.class.getClassLoader());
        Path state = Path.of(a.get("state"));
        StackDefinition stack = LessonSynth.synth(a.get("app"), loader, Path.of(a.get("function-jar")),
                state.resolve("cdk.out"), a.getOrDefault("track", "lessons"));
        Path lessonDir = Path.of(a.get("lesson-dir"));
        int status;
        if (Boolean.parseBoolean(a.getOrDefault("local", "false"))) {
            status = runLocal(demo, stack, loader, state, lessonDir, Double.parseDouble(a.getOrDefault("time-scale", "60")));
        } else {
            AwsCredentialsProvider credentials = a.containsKey("profile") && !a.get("profile").isEmpty()
                    ? ProfileCredentialsProvider.create(a.get("profile")) : DefaultCredentialsProvider.builder().build();
            Region region = a.containsKey("region") && !a.get("region").isEmpty() ? Region.of(a.get("region")) : null;
            try (LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(credentials).applyMutation(b -> { if (region != null) b.region(region); }).build();
                 DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(credentials).applyMutation(b -> { if (region != null) b.region(region); }).build()) {
                status = run(demo, new DemoSession(lambda, dynamo, stack, 1, lessonDir, System.out::println));
            }
        }
        System.exit(status);
    }

    private static int runLocal(LessonDemo demo, StackDefinition stack, ClassLoader loader, Path state, Path lessonDir,
                                double scale) throws Exception {
        Path stackState = state.resolve(stack.stackName);
        Map<?, ?> running = runningEndpoints(stackState);
        if (running != null) {
            System.out.println(Text.say("Using the local endpoint of `make run`: " + running.get("lambda"),
                    "`make run` のローカルエンドポイントを使います: " + running.get("lambda")));
            try (LambdaClient lambda = localLambda(URI.create(String.valueOf(running.get("lambda"))));
                 DynamoDbClient dynamo = localDynamo(URI.create(String.valueOf(running.get("dynamodb"))))) {
                return run(demo, new DemoSession(lambda, dynamo, stack,
                        ((Number) running.get("timeScale")).doubleValue(), lessonDir, System.out::println));
            }
        }
        System.out.println(Text.say("No `make run` is running for this lesson: starting the local runtime for the demo"
                + " (time scale " + scale + ").", "このレッスンの `make run` が動いていないので、デモ用にローカル実行環境を起動します（時間倍率 "
                + scale + "）。"));
        try (LocalRuntime runtime = new LocalRuntime(new LocalRuntime.Options(stack.stackName, null, loader,
                stackState, scale, 0, line -> System.out.println("  | " + line.replace("\n", "\n  | "))), stack);
             LambdaClient lambda = localLambda(runtime.endpoint());
             DynamoDbClient dynamo = runtime.dynamo()) {
            return run(demo, new DemoSession(lambda, dynamo, stack, scale, lessonDir, System.out::println));
        }
    }

    static int run(LessonDemo demo, DemoSession session) throws Exception {
        long t0 = System.nanoTime();
        try {
            demo.run(session);
            session.say("Demo finished in " + (System.nanoTime() - t0) / 1_000_000 + " ms: every execution ended as expected.",
                    "デモ終了（" + (System.nanoTime() - t0) / 1_000_000 + " ms）: どの実行も想定どおりに終わりました。");
            return 0;
        } catch (LessonDemo.Failed e) {
            session.say("Demo failed: " + e.getMessage(), "デモ失敗: " + e.getMessage());
            return 1;
        }
    }

    /** The endpoints `make run` wrote for this stack, if it is still listening. */
    static Map<?, ?> runningEndpoints(Path stackState) {
        Path file = stackState.resolve(LocalRuntime.ENDPOINTS_FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Map<?, ?> m = JSON.readValue(file.toFile(), Map.class);
            URI lambda = URI.create(String.valueOf(m.get("lambda")));
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), lambda.getPort())) {
                return m;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static LambdaClient localLambda(URI endpoint) {
        return LambdaClient.builder().endpointOverride(endpoint).region(Region.of(StackDefinition.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalRuntime.ACCESS_KEY, LocalRuntime.ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static DynamoDbClient localDynamo(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(StackDefinition.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalRuntime.ACCESS_KEY, LocalRuntime.ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
