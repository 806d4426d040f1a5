package durable.workshop.localruntime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Lesson 4: applies for the three demo profiles through the HTTP API ({@code POST /apply}), shows their progress
 * ({@code GET /status/{id}}), approves Alice as a manager ({@code POST /approve}, SigV4-signed with the caller's
 * credentials, as its IAM authorizer asks on AWS) and shows the final decisions and how each execution ended.
 * Each application id is {@code <name>-<run id>}; the API starts the workflow's execution under that name.
 */
final class Lesson4Demo implements LessonDemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The execute-api ARN in the permission the HTTP API integration gives the API function. */
    private static final Pattern EXECUTE_API_ARN = Pattern.compile("arn:[a-z-]+:execute-api:([a-z0-9-]+):\\d+:([a-z0-9]+)/");

    /** A demo profile (the lesson's "The demo profiles") and the decision the workflow must reach for it. */
    private record Profile(String name, String applicant, String sin, int amount, String decision, String reason) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("alice", "Alice Johnson", "046-451-111", 150_000, "APPROVED", "manager"),
            new Profile("bob", "Bob Martinez", "046-452-222", 50_000, "DENIED", "credit score"),
            new Profile("charlie", "Charlie Wilson", "046-453-333", 25_000, "APPROVED", ""));

    /** Created on the first request: the other lessons' demos start no HTTP client threads. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void run(DemoSession s) throws Exception {
        URI api = s.localHttpApi != null ? s.localHttpApi : deployedApi(s);
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        s.say("Applying through " + api + " (run id " + runId + ")", api + " に申し込みます（run id " + runId + "）");
        for (Profile p : PROFILES) {
            ObjectNode body = JSON.createObjectNode().put("applicationId", id(p, runId)).put("applicantName", p.applicant)
                    .put("sin", p.sin).put("amount", p.amount);
            Answer a = send(s, "POST", api.resolve("/apply"), body.toString(), false);
            s.say(String.format("  POST /apply %-26s %d %s", id(p, runId), a.status, a.body),
                    String.format("  POST /apply %-26s %d %s", id(p, runId), a.status, a.body));
            if (a.status / 100 != 2) {
                throw new Failed("POST /apply for " + p.name + " answered " + a.status + ": " + a.body);
            }
        }

        Profile alice = PROFILES.get(0);
        s.say("Waiting for Alice to reach the manager's approval (after the credit checks)",
                "Alice がマネージャーの承認待ちになるまで待ちます（信用調査の後）");
        if (!awaitStatus(s, api, id(alice, runId), st -> st.path("awaitingApproval").asBoolean())) {
            throw new Failed("Alice's application never waited for a manager: " + status(s, api, id(alice, runId)).body);
        }
        showStatuses(s, api, runId);

        ObjectNode approval = JSON.createObjectNode().put("applicationId", id(alice, runId)).put("approved", true)
                .put("comment", "demo approval");
        boolean sign = s.localHttpApi == null;
        if (sign) {
            s.say("Approving Alice as a manager: POST /approve, signed (SigV4) with your credentials for its IAM authorizer",
                    "マネージャーとして Alice を承認します: POST /approve を、IAM 認可のためにあなたの認証情報で署名（SigV4）して送ります");
        } else {
            s.say("Approving Alice as a manager: POST /approve (on AWS its IAM authorizer asks for a SigV4-signed request;"
                            + " the local runtime does not check authorizers, so the request goes unsigned)",
                    "マネージャーとして Alice を承認します: POST /approve（AWS では IAM 認可のため SigV4 署名が必要ですが、"
                            + "ローカル実行環境はオーソライザーを確認しないので、署名せずに送ります）");
        }
        Answer approved = send(s, "POST", api.resolve("/approve"), approval.toString(), sign);
        s.say("  POST /approve " + approved.status + " " + approved.body, "  POST /approve " + approved.status + " " + approved.body);
        if (approved.status != 200) {
            throw new Failed("POST /approve answered " + approved.status + ": " + approved.body
                    + (approved.status == 403 ? " (your identity needs the stack's ApproverPolicyArn policy)" : ""));
        }

        s.say("Waiting for the fraud checks and the final decisions", "不正チェックと最終判断を待ちます");
        for (Profile p : PROFILES) {
            awaitStatus(s, api, id(p, runId), st -> st.hasNonNull("decision"));
        }
        showStatuses(s, api, runId);

        s.say("How each execution ended", "各実行の結末");
        List<String> wrong = new ArrayList<>();
        StackDefinition.Function workflow = s.durableFunction();
        for (Profile p : PROFILES) {
            String arn = executionArn(s, workflow, id(p, runId));
            GetDurableExecutionResponse end = s.awaitEnd(arn, Duration.ofMinutes(5));
            s.say("== " + p.name, "== " + p.name);
            s.printEnd(end);
            s.printHistory(arn);
            JsonNode result = end.result() == null ? null : JSON.readTree(end.result());
            if (end.status() != ExecutionStatus.SUCCEEDED || result == null
                    || !p.decision.equals(result.path("status").asText())
                    || !result.path("reason").asText().contains(p.reason)) {
                wrong.add(p.name + " ended " + end.statusAsString() + (result == null ? "" : " " + result)
                        + ", expected SUCCEEDED with " + p.decision + (p.reason.isEmpty() ? "" : " (" + p.reason + ")"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new Failed(String.join("; ", wrong));
        }
    }

    private static String id(Profile p, String runId) {
        return p.name + "-" + runId;
    }

    private void showStatuses(DemoSession s, URI api, String runId) throws IOException, InterruptedException {
        for (Profile p : PROFILES) {
            Answer a = status(s, api, id(p, runId));
            s.say("== GET /status/" + id(p, runId), "== GET /status/" + id(p, runId));
            if (a.status != 200) {
                s.say("  " + a.status + " " + a.body, "  " + a.status + " " + a.body);
                continue;
            }
            JsonNode st = JSON.readTree(a.body);
            String line = "  " + st.path("status").asText() + "  step " + st.path("currentStep").asText()
                    + (st.path("awaitingApproval").asBoolean() ? "  awaitingApproval" : "")
                    + (st.hasNonNull("decision") ? "  " + st.path("decision").asText() + ": " + st.path("reason").asText() : "");
            s.say(line, line);
            for (JsonNode entry : st.path("log")) {
                s.say("    " + entry.asText(), "    " + entry.asText());
            }
        }
    }

    /** Polls GET /status every 2 s of execution time until the answer passes {@code done}; false if time ran out. */
    private boolean awaitStatus(DemoSession s, URI api, String id, Predicate<JsonNode> done)
            throws IOException, InterruptedException {
        // Two minutes of execution time, and at least half a minute of real time for the functions' own work.
        long deadline = System.nanoTime() + (long) (Duration.ofMinutes(2).toNanos() / s.timeScale)
                + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Answer a = status(s, api, id);
            if (a.status == 200 && done.test(JSON.readTree(a.body))) {
                return true;
            }
            s.sleep(Duration.ofSeconds(2));
        }
        return false;
    }

    private Answer status(DemoSession s, URI api, String id) throws IOException, InterruptedException {
        return send(s, "GET", api.resolve("/status/" + id), null, false);
    }

    /** The workflow's execution the API started under this name, through the alias the API invokes. */
    private static String executionArn(DemoSession s, StackDefinition.Function workflow, String name) throws Failed {
        String alias = workflow.aliases().isEmpty() ? "$LATEST" : workflow.aliases().get(0);
        List<software.amazon.awssdk.services.lambda.model.Execution> found = s.lambda.listDurableExecutionsByFunction(b -> b.functionName(workflow.name())
                .qualifier(alias).durableExecutionName(name)).durableExecutions();
        if (found.isEmpty()) {
            throw new Failed("No execution of " + workflow.name() + " is named " + name);
        }
        return found.get(0).durableExecutionArn();
    }

    /**
     * The deployed HTTP API's URL. The stack's routes name the API function; the permission the integration gives
     * that function names the API by its execute-api ARN, so the Lambda API alone finds it.
     */
    private static URI deployedApi(DemoSession s) throws Failed {
        if (s.stack.routes.isEmpty()) {
            throw new Failed("The stack " + s.stack.stackName + " has no HTTP API routes.");
        }
        StackDefinition.Route route = s.stack.routes.get(0);
        String policy;
        try {
            policy = s.lambda.getPolicy(b -> b.functionName(route.functionName()).applyMutation(q -> {
                if (route.qualifier() != null) {
                    q.qualifier(route.qualifier());
                }
            })).policy();
        } catch (LambdaException e) {
            throw new Failed("Cannot read the permissions of " + route.functionName() + " (" + e.awsErrorDetails().errorMessage()
                    + "): deploy the stack " + s.stack.stackName + " first, with credentials for its account and region.");
        }
        URI url = apiUrl(policy);
        if (url == null) {
            throw new Failed("No HTTP API invokes " + route.functionName() + "; deploy the stack " + s.stack.stackName + " again.");
        }
        return url;
    }

    /** The URL of the HTTP API that a function's resource policy lets invoke it, or null. */
    static URI apiUrl(String policy) {
        Matcher m = EXECUTE_API_ARN.matcher(policy);
        return m.find() ? URI.create("https://" + m.group(2) + ".execute-api." + m.group(1) + ".amazonaws.com") : null;
    }

    private record Answer(int status, String body) {
    }

    private Answer send(DemoSession s, String method, URI uri, String body, boolean sign)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (sign) {
            AwsCredentialsIdentity credentials = s.lambda.serviceClientConfiguration().credentialsProvider()
                    .resolveIdentity().join();
            signedHeaders(credentials, method, uri, body).forEach((name, values) -> {
                // The HTTP client sets Host and Content-Length itself, to the same values that were signed.
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")
                        && !name.equalsIgnoreCase("content-type")) {
                    values.forEach(v -> request.header(name, v));
                }
            });
        }
        HttpResponse<String> r = Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    /** The request's headers once signed (SigV4) for execute-api in the API's region, with the demo's credentials. */
    static Map<String, List<String>> signedHeaders(AwsCredentialsIdentity credentials, String method, URI uri, String body) {
        String region = uri.getHost().split("\\.")[2]; // <api id>.execute-api.<region>.amazonaws.com
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .putHeader("content-type", "application/json").build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(unsigned)
                        .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request().headers();
    }
}
