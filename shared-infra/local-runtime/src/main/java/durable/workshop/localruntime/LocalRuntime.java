package durable.workshop.localruntime;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A lesson's system on this machine: dynalite with the stack's tables and sample items, the stack's functions, the
 * Lambda API on 127.0.0.1 and, when the stack has an HTTP API, its routes. {@link #main} is what
 * {@code make run LESSON=n} starts; tests use {@link #start}.
 */
public final class LocalRuntime implements AutoCloseable {
    /** Dummy credentials: the local endpoint does not check signatures. */
    public static final String ACCESS_KEY = "local";
    /** Written by {@link #main} in the stack's state folder: where a running runtime listens. */
    static final String ENDPOINTS_FILE = "endpoints.json";

    private final DynaliteServer dynalite;
    private final LambdaService service;
    private final LambdaApi api;
    private final HttpApiAdapter httpApi;
    private final List<HttpApiAdapter> functionUrls = new ArrayList<>();
    private volatile LambdaService started;
    final StackDefinition stack;
    /** The lesson's web page, when {@link #serveWebPage} serves one. */
    private URI webPage;

    /** Everything the runtime needs; the stack and the class loader come from the lesson's build. */
    public record Options(String stackName, String templateJson, ClassLoader functions, Path stateDir,
                          double timeScale, int port, Consumer<String> log) {
    }

    LocalRuntime(Options o, StackDefinition stack) throws IOException {
        this.stack = stack;
        Files.createDirectories(o.stateDir());
        this.dynalite = new DynaliteServer(o.stateDir().resolve("dynamodb"), o.stateDir().resolve("dynalite.log"));
        try {
            // Handlers build their AWS clients when they are created (as at a Lambda init), so the Lambda
            // endpoint's port is chosen before the functions load, also when the caller asks for any free port.
            int port = o.port() != 0 ? o.port() : freeLoopbackPort();
            configureAwsClients(dynalite.endpoint, port);
            Tables.create(dynamo(), stack, o.log());
            List<FunctionHost> hosts = new ArrayList<>();
            Map<String, String> env = new LinkedHashMap<>();
            for (StackDefinition.Function f : stack.functions) {
                f.environment().forEach((k, v) -> {
                    String before = env.putIfAbsent(k, v);
                    if (before != null && !before.equals(v)) {
                        throw new IllegalStateException("Two functions set the environment variable " + k
                                + " to different values (" + before + ", " + v + "); in the local runtime all "
                                + "functions share one process, so give them different variable names.");
                    }
                });
            }
            // Function URLs listen before the functions load, so a function configured with one gets its address.
            for (StackDefinition.FunctionUrl url : stack.functionUrls) {
                HttpApiAdapter adapter = HttpApiAdapter.functionUrl(url, () -> started);
                functionUrls.add(adapter);
                env.replaceAll((k, v) -> v.replace(url.urlPlaceholder(), adapter.endpoint() + "/"));
            }
            FunctionEnvironment.put(env);
            for (StackDefinition.Function f : stack.functions) {
                hosts.add(new FunctionHost(f, o.functions()));
            }
            this.service = new LambdaService(hosts, o.stateDir(), o.timeScale(), o.log());
            this.started = service;
            this.api = new LambdaApi(service, port);
            this.httpApi = stack.routes.isEmpty() ? null : new HttpApiAdapter(service, stack.routes);
            service.resumeSaved();
        } catch (IOException | RuntimeException e) {
            functionUrls.forEach(HttpApiAdapter::close);
            dynalite.close();
            throw e;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    public static LocalRuntime start(Options o) throws IOException {
        return new LocalRuntime(o, StackDefinition.parse(o.stackName(), o.templateJson()));
    }

    /**
     * The functions' AWS SDK clients reach dynalite and this endpoint (the functions run in this JVM; a lesson's
     * LambdaClient sends callbacks here), with dummy credentials and one region.
     */
    private static void configureAwsClients(URI dynamo, int lambdaPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("AWS_REGION", StackDefinition.REGION);
        settings.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        settings.put("AWS_SECRET_ACCESS_KEY", ACCESS_KEY);
        settings.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.toString());
        if (lambdaPort > 0) {
            settings.put("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:" + lambdaPort);
        }
        FunctionEnvironment.put(settings);
        System.setProperty("aws.region", StackDefinition.REGION);
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", ACCESS_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", dynamo.toString());
        if (lambdaPort > 0) {
            System.setProperty("aws.endpointUrlLambda", "http://127.0.0.1:" + lambdaPort);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + api.port());
    }

    public URI dynamoEndpoint() {
        return dynalite.endpoint;
    }

    /** The HTTP API's base URL, or null when the stack has none. */
    public URI httpApiEndpoint() {
        return httpApi == null ? null : httpApi.endpoint();
    }

    /**
     * Serves a lesson's web page (its {@code web/} folder) under /web/ on the HTTP API's origin, so the page calls
     * the API with relative URLs; returns the page's URL.
     */
    public URI serveWebPage(Path dir) {
        if (httpApi == null) {
            throw new IllegalStateException("stack " + stack.stackName + " has no HTTP API to serve a web page with");
        }
        httpApi.serveFiles("/web/", dir);
        webPage = httpApi.endpoint().resolve("/web/");
        return webPage;
    }

    public DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(dynalite.endpoint).region(Region.of(StackDefinition.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The function URLs' base addresses by the AWS::Lambda::Url's logical id. */
    public Map<String, URI> functionUrlEndpoints() {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (int i = 0; i < functionUrls.size(); i++) {
            urls.put(stack.functionUrls.get(i).logicalId(), URI.create(functionUrls.get(i).endpoint() + "/"));
        }
        return urls;
    }

    @Override
    public void close() {
        if (httpApi != null) {
            httpApi.close();
        }
        functionUrls.forEach(HttpApiAdapter::close);
        api.close();
        service.close();
        dynalite.close();
    }

    // ------------------------------------------------------------------ command line

    /**
     * {@code --app CLASS --classpath PATHS --function-jar JAR --state DIR [--time-scale N] [--port N]}: synthesizes
     * the app, starts the runtime and runs until Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("app", "classpath", "function-jar", "state")) {
            if (!a.containsKey(required)) {
                usage("--" + required + " is missing");
            }
        }
        double scale = number(a.getOrDefault("time-scale", "1"), "--time-scale");
        int port = (int) number(a.getOrDefault("port", "9001"), "--port");
        List<URL> urls = new ArrayList<>();
        for (String p : a.get("classpath").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(p).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), LocalRuntime.class.getClassLoader());
        Path state = Path.of(a.get("state"));
        long t0 = System.nanoTime();
        System.out.println(Text.say("Reading the stack of " + a.get("app") + " (synthesized when it changed) ...",
                a.get("app") + " のスタックを読み込んでいます（変更があれば合成します）..."));
        StackDefinition stack = LessonSynth.synth(a.get("app"), loader, Path.of(a.get("function-jar")),
                state.resolve("cdk.out"), a.getOrDefault("track", "lessons"),
                a.getOrDefault("stage", durable.workshop.cdk.WorkshopConfig.DEFAULT_STAGE));
        Options o = new Options(stack.stackName, null, loader, state.resolve(stack.stackName), scale, port,
                System.out::println);
        LocalRuntime runtime;
        try {
            runtime = new LocalRuntime(o, stack);
        } catch (java.net.BindException e) {
            System.err.println(Text.say("Port " + port + " on 127.0.0.1 is in use (is another `make run` running?); "
                    + "stop it or choose another port, for example PORT=9002.", "127.0.0.1 のポート " + port
                    + " は使用中です（別の `make run` が動いていませんか）。それを止めるか、PORT=9002 のように別のポートを指定してください。"));
            System.exit(1);
            return;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        if (a.containsKey("web") && Files.isDirectory(Path.of(a.get("web"))) && runtime.httpApi != null) {
            runtime.serveWebPage(Path.of(a.get("web")));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(Text.say("Stopping: saving executions, stopping dynalite.",
                    "停止します: 実行を保存し、dynalite を止めます。"));
            runtime.close();
            stopped.countDown();
        }, "local-lambda-stop"));
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put("lambda", runtime.endpoint().toString());
        endpoints.put("dynamodb", runtime.dynamoEndpoint().toString());
        endpoints.put("httpApi", runtime.httpApiEndpoint() == null ? null : runtime.httpApiEndpoint().toString());
        endpoints.put("webPage", runtime.webPage == null ? null : runtime.webPage.toString());
        endpoints.put("timeScale", scale);
        Path endpointsFile = o.stateDir().resolve(ENDPOINTS_FILE);
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(endpointsFile.toFile(), endpoints);
        endpointsFile.toFile().deleteOnExit();
        runtime.printReady(scale, (System.nanoTime() - t0) / 1_000_000);
        stopped.await();
    }

    private void printReady(double scale, long millis) {
        String endpoint = endpoint().toString();
        StringBuilder out = new StringBuilder();
        out.append(Text.say("Local Lambda endpoint ready in " + millis + " ms: " + endpoint,
                "ローカル Lambda エンドポイントの準備ができました（" + millis + " ms）: " + endpoint)).append('\n');
        out.append(Text.say("  stack ", "  スタック ")).append(stack.stackName)
                .append(Text.say(", time scale ", "、時間倍率 ")).append(scale).append('\n');
        out.append("  DynamoDB (dynalite): ").append(dynalite.endpoint).append('\n');
        if (httpApi != null) {
            out.append("  HTTP API: ").append(httpApi.endpoint()).append('\n');
        }
        functionUrlEndpoints().forEach((id, url) -> out.append(Text.say("  function URL ", "  関数 URL "))
                .append(id).append(": ").append(url).append('\n'));
        if (webPage != null) {
            out.append(Text.say("  Web page: ", "  Web ページ: ")).append(webPage).append('\n');
        }
        for (StackDefinition.Function f : stack.functions) {
            out.append("  ").append(f.durable() ? Text.say("durable ", "durable function ") : Text.say("function ", "関数 "))
                    .append(f.name()).append(f.aliases().isEmpty() ? "" : ":" + String.join(",", f.aliases()))
                    .append("  (").append(f.handler()).append(")\n");
        }
        stack.functions.stream().filter(StackDefinition.Function::durable).findFirst().ifPresent(f -> {
            String alias = f.aliases().isEmpty() ? "1" : f.aliases().get(0);
            out.append(Text.say("With a recent AWS CLI v2 (any credentials, region us-east-1):",
                    "新しい AWS CLI v2 で（認証情報は任意、リージョン us-east-1）:")).append('\n');
            out.append("  aws lambda list-durable-executions-by-function --endpoint-url ").append(endpoint)
                    .append(" --function-name ").append(f.name()).append(" --qualifier ").append(alias).append('\n');
            out.append("  aws lambda send-durable-execution-callback-success --endpoint-url ").append(endpoint)
                    .append(" --callback-id <CallbackId> --result '\"approved\"' --cli-binary-format raw-in-base64-out\n");
        });
        out.append(Text.say("Ctrl-C stops it; running executions resume at the next start.",
                "Ctrl-C で停止します。実行中の実行は次の起動時に再開します。"));
        System.out.println(out);
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            usage(option + " must be a number, not '" + text + "'");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("local-runtime: " + problem + "\nusage: --app CLASS --classpath PATHS --function-jar JAR "
                + "--state DIR [--track lessons|solutions] [--stage dev|prod] [--time-scale N] [--port N] [--web DIR]");
        System.exit(2);
    }
}
