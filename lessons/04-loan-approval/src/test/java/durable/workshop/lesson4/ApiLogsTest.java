package durable.workshop.lesson4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.Context;
import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.lang.reflect.Proxy;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The API function's log lines as Lambda writes them: the layout of src/main/resources/log4j2.xml (Powertools'
 * JSON), one object per line with the application's keys, and no SIN beyond its last four digits (not an exercise).
 */
@DynaliteTest(tables = @DynamoTable(name = TestConfig.TABLE, partitionKey = "applicationId"))
class ApiLogsTest {

    private static final String SIN = "046-454-444";
    private final LambdaStub lambda = new LambdaStub();
    private final LoanApi api;
    private final StringWriter lines = new StringWriter();
    private final WriterAppender capture;

    ApiLogsTest(DynamoDbClient dynamoDb) throws Exception {
        api = new LoanApi(lambda.client, dynamoDb, Map.of(LoanConfig.PROGRESS_TABLE, TestConfig.TABLE,
                LoanApi.WORKFLOW_FUNCTION, TestConfig.WORKFLOW), MetricsFactory.getMetricsInstance());
        capture = WriterAppender.createAppender(lambdaLayout(), null, lines, "lambda-json", false, true);
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        // The root logger: every line of the request, the libraries' too, goes through Lambda's layout.
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
    }

    /** The layout of the appender Lambda uses, read from the function's own log4j2.xml. */
    private static StringLayout lambdaLayout() throws Exception {
        ClassLoader loader = ApiLogsTest.class.getClassLoader();
        Configuration lambdaConfig = new XmlConfiguration(new LoggerContext("lambda"),
                ConfigurationSource.fromResource("log4j2.xml", loader));
        lambdaConfig.initialize();
        Appender appender = lambdaConfig.getAppender("JsonAppender");
        assertThat(appender).as("log4j2.xml defines the appender JsonAppender").isNotNull();
        return (StringLayout) appender.getLayout();
    }

    @AfterEach
    void stop() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(capture.getName());
        context.updateLoggers();
        capture.stop();
        lambda.close();
    }

    /** The few Context fields Powertools reads, as Lambda would pass them. */
    private static Context lambdaContext() {
        Map<String, Object> values = Map.of("getAwsRequestId", "req-1", "getFunctionName", "durable-workshop-l4-dev-api",
                "getFunctionVersion", "3", "getMemoryLimitInMB", 512, "getInvokedFunctionArn",
                "arn:aws:lambda:us-east-1:123456789012:function:durable-workshop-l4-dev-api:live");
        return (Context) Proxy.newProxyInstance(ApiLogsTest.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> values.get(method.getName()));
    }

    private List<JsonNode> logged() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines.toString().split("\n")) {
            if (!line.isBlank()) {
                objects.add(WorkerJson.MAPPER.readTree(line));
            }
        }
        return objects;
    }

    @Test
    void aSubmittedApplicationIsOneJsonLineWithItsKeysAndAMaskedSin() throws Exception {
        String body = "{\"applicationId\":\"dana-1\",\"applicantName\":\"Dana Lee\",\"sin\":\"" + SIN
                + "\",\"amount\":20000}";
        String event = "{\"version\":\"2.0\",\"routeKey\":\"POST /apply\",\"rawPath\":\"/apply\","
                + "\"isBase64Encoded\":false,\"body\":" + WorkerJson.write(body) + "}";

        HttpResponse response = api.handleRequest(WorkerJson.read(event, HttpRequest.class), lambdaContext());

        assertThat(response.statusCode()).isEqualTo(202);
        List<JsonNode> submitted = logged().stream()
                .filter(line -> line.path("message").asText().equals("application submitted")).toList();
        assertThat(submitted).as("one JSON object per line, one line for the submission").hasSize(1);
        JsonNode line = submitted.get(0);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("function_request_id").asText()).as("Powertools adds the request id").isEqualTo("req-1");
        assertThat(line.path("function_name").asText()).isEqualTo("durable-workshop-l4-dev-api");
        assertThat(line.path("applicationId").asText()).as("structured key applicationId").isEqualTo("dana-1");
        assertThat(line.path("sin").asText()).endsWith("4444").doesNotContain("046").doesNotContain("454");
        assertThat(line.path("amount").asText()).isEqualTo("20000");
        assertThat(lines.toString()).as("no SIN beyond its last four digits in any log line")
                .doesNotContain(SIN).doesNotContain("046454444").doesNotContain("454-444");
    }
}
