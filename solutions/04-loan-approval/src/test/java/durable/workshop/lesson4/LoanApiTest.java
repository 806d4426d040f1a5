package durable.workshop.lesson4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The API function with a real LambdaClient against a local Lambda API and the progress table in dynalite: the
 * HTTP contract and the exact Lambda requests (not an exercise).
 */
@DynaliteTest(tables = @DynamoTable(name = TestConfig.TABLE, partitionKey = "applicationId"))
class LoanApiTest {

    private static final String ALICE = "{\"applicationId\":\"alice-001\",\"applicantName\":\"Alice Johnson\","
            + "\"sin\":\"046-451-111\",\"amount\":150000}";

    private final LambdaStub lambda = new LambdaStub();
    private final ProgressTable progress;
    private final LoanApi api;

    LoanApiTest(DynamoDbClient dynamoDb) {
        progress = new ProgressTable(dynamoDb, TestConfig.TABLE);
        api = new LoanApi(lambda.client, dynamoDb, Map.of(LoanConfig.PROGRESS_TABLE, TestConfig.TABLE,
                LoanApi.WORKFLOW_FUNCTION, TestConfig.WORKFLOW), MetricsFactory.getMetricsInstance());
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    /** An API Gateway HTTP API event (payload format 2.0), read the way the Lambda runtime reads it. */
    private HttpResponse call(String routeKey, String path, String body) {
        String id = path.startsWith("/status/") ? path.substring("/status/".length()) : null;
        String event = "{\"version\":\"2.0\",\"routeKey\":\"" + routeKey + "\",\"rawPath\":\"" + path + "\","
                + "\"headers\":{\"content-type\":\"application/json\"},"
                + (id == null ? "" : "\"pathParameters\":{\"id\":\"" + id + "\"},")
                + "\"requestContext\":{\"http\":{\"method\":\"" + routeKey.split(" ")[0] + "\"},"
                + "\"authorizer\":{\"iam\":{\"userArn\":\"arn:aws:iam::123456789012:user/maria\"}}},"
                + "\"isBase64Encoded\":false"
                + (body == null ? "" : ",\"body\":" + WorkerJson.write(body)) + "}";
        return api.handleRequest(WorkerJson.read(event, HttpRequest.class), null);
    }

    private static JsonNode json(HttpResponse response) throws Exception {
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        return WorkerJson.MAPPER.readTree(response.body());
    }

    @Test
    void applyStartsOneExecutionNamedAfterTheApplication() throws Exception {
        HttpResponse first = call("POST /apply", "/apply", ALICE);
        HttpResponse again = call("POST /apply", "/apply", ALICE);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).path("statusPath").asText()).isEqualTo("/status/alice-001");
        assertThat(again.statusCode()).as("a repeated apply reports the running one").isEqualTo(200);
        assertThat(lambda.requests()).as("one start, never a second").hasSize(1);
        LoggedRequest invoke = lambda.requests().get(0);
        assertThat(invoke.getUrl()).isEqualTo(LambdaStub.invokePath(TestConfig.WORKFLOW));
        assertThat(invoke.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
        assertThat(invoke.getHeader("X-Amz-Durable-Execution-Name")).isEqualTo("alice-001");
        assertThat(WorkerJson.read(invoke.getBodyAsString(), LoanApplication.class))
                .isEqualTo(WorkerJson.read(ALICE, LoanApplication.class));
        assertThat(progress.find("alice-001").orElseThrow().status()).isEqualTo(ProgressTable.SUBMITTED);
    }

    @Test
    void aBase64BodyIsReadAndAnIdStartedWithOtherDetailsGets409() throws Exception {
        lambda.http.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations"))
                .willReturn(aResponse().withStatus(409)
                        .withHeader("x-amzn-ErrorType", "DurableExecutionAlreadyStartedException")
                        .withBody("{\"message\":\"already started\"}")));
        String event = "{\"routeKey\":\"POST /apply\",\"isBase64Encoded\":true,\"body\":\""
                + java.util.Base64.getEncoder().encodeToString(ALICE.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"}";

        HttpResponse response = api.handleRequest(WorkerJson.read(event, HttpRequest.class), null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("ALREADY_SUBMITTED");
        assertThat(lambda.requests().get(0).getHeader("X-Amz-Durable-Execution-Name")).isEqualTo("alice-001");
    }

    @Test
    void badApplicationsGet400NamingTheField() throws Exception {
        HttpResponse noAmount = call("POST /apply", "/apply",
                "{\"applicationId\":\"a-1\",\"applicantName\":\"A\",\"sin\":\"046451111\"}");
        HttpResponse textAmount = call("POST /apply", "/apply",
                "{\"applicationId\":\"a-1\",\"applicantName\":\"A\",\"sin\":\"046451111\",\"amount\":\"lots\"}");
        HttpResponse notJson = call("POST /apply", "/apply", "{oops");

        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(json(noAmount).at("/error/field").asText()).isEqualTo("amount");
        assertThat(json(noAmount).at("/error/code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(json(textAmount).at("/error/field").asText()).isEqualTo("amount");
        assertThat(json(notJson).at("/error/field").asText()).isEqualTo("body");
        assertThat(lambda.requests()).as("nothing is started for a bad request").isEmpty();
    }

    @Test
    void theSubmittedLineIsKeptWhenTheWorkflowWroteFirst() {
        // The asynchronous start can run the workflow's first step before the API records the application.
        Instant received = Instant.now();
        progress.update("carol-001", ProgressTable.CHECKING_CREDIT, "validate-application", "Application validated");
        boolean created = progress.submitted("carol-001", received, "Application submitted for 25000");

        ProgressTable.Progress record = progress.find("carol-001").orElseThrow();
        assertThat(created).isFalse();
        assertThat(record.status()).as("the workflow's status is not moved back").isEqualTo(ProgressTable.CHECKING_CREDIT);
        assertThat(record.log()).as("in the order things happened")
                .containsExactly("Application submitted for 25000", "Application validated");
    }

    @Test
    void statusShowsTheProgressButNeverTheCallbackId() throws Exception {
        progress.submitted("alice-001", Instant.now(), "Application submitted for 150000");
        progress.awaitingApproval("alice-001", "secret-callback", "Waiting for a manager");

        HttpResponse response = call("GET /status/{id}", "/status/alice-001", null);
        HttpResponse unknown = call("GET /status/{id}", "/status/nobody", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo(ProgressTable.AWAITING_APPROVAL);
        assertThat(body.path("awaitingApproval").asBoolean()).isTrue();
        assertThat(body.path("log").toString()).contains("Waiting for a manager");
        assertThat(response.body()).doesNotContain("secret-callback");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void approveSendsTheDecisionAsTheCallbackResult() throws Exception {
        progress.awaitingApproval("alice-001", "cb-42", "Waiting for a manager");

        HttpResponse response = call("POST /approve", "/approve",
                "{\"applicationId\":\"alice-001\",\"approved\":true,\"comment\":\"good history\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lambda.requests()).hasSize(1);
        LoggedRequest callback = lambda.requests().get(0);
        assertThat(callback.getUrl()).isEqualTo(LambdaStub.callbackPath("cb-42", "succeed"));
        assertThat(WorkerJson.read(callback.getBodyAsString(), ManagerDecision.class)).isEqualTo(
                new ManagerDecision(true, "arn:aws:iam::123456789012:user/maria", "good history"));
        assertThat(progress.find("alice-001").orElseThrow().pendingCallbackId()).as("nothing pending any more").isNull();
        assertThat(call("POST /approve", "/approve", "{\"applicationId\":\"alice-001\",\"approved\":true}")
                .statusCode()).as("a second answer finds nothing pending").isEqualTo(409);
    }

    @Test
    void approveAnswers404409And400() throws Exception {
        progress.submitted("bob-001", Instant.now(), "Application submitted for 50000");

        assertThat(call("POST /approve", "/approve", "{\"applicationId\":\"nobody\",\"approved\":true}").statusCode())
                .isEqualTo(404);
        HttpResponse notPending = call("POST /approve", "/approve", "{\"applicationId\":\"bob-001\",\"approved\":true}");
        assertThat(notPending.statusCode()).isEqualTo(409);
        assertThat(json(notPending).at("/error/code").asText()).isEqualTo("NOT_AWAITING_APPROVAL");
        HttpResponse noDecision = call("POST /approve", "/approve", "{\"applicationId\":\"bob-001\",\"approved\":\"yes\"}");
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(json(noDecision).at("/error/field").asText()).isEqualTo("approved");
        assertThat(lambda.requests()).isEmpty();
    }

    @Test
    void aCallbackThatEndedMeanwhileGives409() throws Exception {
        progress.awaitingApproval("alice-001", "cb-old", "Waiting for a manager");
        lambda.http.stubFor(post(urlPathMatching("/2025-12-01/durable-execution-callbacks/.*/succeed"))
                .willReturn(aResponse().withStatus(409).withHeader("x-amzn-ErrorType", "CallbackTimeoutException")
                        .withBody("{\"message\":\"the callback timed out\"}")));

        HttpResponse response = call("POST /approve", "/approve", "{\"applicationId\":\"alice-001\",\"approved\":false}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).at("/error/message").asText()).contains("no longer waits");
    }
}
