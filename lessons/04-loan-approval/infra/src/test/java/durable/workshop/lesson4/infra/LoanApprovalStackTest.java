package durable.workshop.lesson4.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.SynthTester;
import durable.workshop.cdk.WorkshopConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes lesson 4's app offline once (with cdk-nag AwsSolutions) and checks what the lesson relies on. */
class LoanApprovalStackTest {

    private static final String PREFIX = "durable-workshop-l4-dev";
    private static final String PROD_PREFIX = "durable-workshop-l4-prod";
    private static final String TABLE = PREFIX + "-progress";
    private static final List<String> FUNCTIONS = List.of("loan-workflow", "api", "fraud-check");
    private static Template template;
    private static Template prod;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth("dev", Lesson4App::define);
        prod = SynthTester.synth("prod", Lesson4App::define);
    }

    private static String functionId(String suffix) {
        return SynthTester.functionId(template, PREFIX + "-" + suffix);
    }

    private static String aliasId(String suffix) {
        return SynthTester.aliasId(template, PREFIX + "-" + suffix);
    }

    private static String tableId() {
        return SynthTester.logicalId(template, "AWS::DynamoDB::Table", "TableName", TABLE);
    }

    @Test
    void progressTableIsKeyedByApplicationIdOnDemandWithRecoveryAndRemovedWithTheStack() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "Properties", Map.of(
                        "TableName", TABLE,
                        "KeySchema", List.of(Map.of("AttributeName", "applicationId", "KeyType", "HASH")),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)),
                "DeletionPolicy", "Delete"));
    }

    @Test
    void workflowIsDurableAndGetsTheStagesCallbackTimeouts() {
        // dev: 30-minute approval + 10-minute fraud check inside a 1-hour execution (config/config.json).
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-loan-workflow",
                "Handler", "durable.workshop.lesson4.LoanWorkflow",
                "DurableConfig", Map.of("ExecutionTimeout", 3600, "RetentionPeriodInDays", 3),
                "Environment", Map.of("Variables", Map.of(
                        "PROGRESS_TABLE", TABLE,
                        "FRAUD_CHECK_FUNCTION", Map.of("Ref", aliasId("fraud-check")),
                        "APPROVAL_TIMEOUT_SECONDS", "1800",
                        "FRAUD_CHECK_TIMEOUT_SECONDS", "600"))));
    }

    @Test
    void apiAndFraudCheckArePlainFunctionsFromTheSameJar() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-api",
                "Handler", "durable.workshop.lesson4.LoanApi::handleRequest",
                "DurableConfig", Match.absent(),
                "Environment", Map.of("Variables", Map.of(
                        "PROGRESS_TABLE", TABLE,
                        "WORKFLOW_FUNCTION", Map.of("Ref", aliasId("loan-workflow")),
                        "POWERTOOLS_SERVICE_NAME", PREFIX + "-api",
                        "POWERTOOLS_METRICS_NAMESPACE", "DurableWorkshop/LoanApproval"))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-fraud-check",
                "Handler", "durable.workshop.lesson4.FraudCheckFunction::handleRequest",
                "DurableConfig", Match.absent()));
    }

    @Test
    void everyFunctionHasAliasLiveAndALogGroupKeptForTheStage() {
        for (String suffix : FUNCTIONS) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live", "FunctionName", Map.of("Ref", functionId(suffix))));
            template.hasResource("AWS::Logs::LogGroup", Map.of(
                    "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-" + suffix,
                            "RetentionInDays", 3),
                    "DeletionPolicy", "Delete"));
        }
    }

    @Test
    void theWorkflowMayOnlyUpdateProgressAndInvokeTheFraudCheckAlias() {
        template.resourcePropertiesCountIs("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", List.of(SynthTester.managedPolicyArn(DurableFunction.DURABLE_POLICY))), 1);
        assertThat(SynthTester.policyActions(template, "LoanWorkflowFunctionServiceRole"))
                .containsExactly("dynamodb:UpdateItem", "lambda:InvokeFunction");
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Effect", "Allow", "Action", "lambda:InvokeFunction",
                        "Resource", Map.of("Ref", aliasId("fraud-check")))))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^LoanWorkflow.*")))));
    }

    @Test
    void theApiMayReadAndUpdateProgressAndInvokeOnlyTheWorkflowAlias() {
        assertThat(SynthTester.policyActions(template, "LoanApiFunctionServiceRole"))
                .containsExactly("dynamodb:GetItem", "dynamodb:UpdateItem", "lambda:InvokeFunction");
        Map<String, Object> readAndUpdate = Map.of("Effect", "Allow",
                "Action", List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                "Resource", Map.of("Fn::GetAtt", List.of(tableId(), "Arn")));
        Map<String, Object> invokeWorkflow = Map.of("Effect", "Allow", "Action", "lambda:InvokeFunction",
                "Resource", Map.of("Ref", aliasId("loan-workflow")));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(readAndUpdate, invokeWorkflow)),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^LoanApi.*")))));
        assertThat(template.findResources("AWS::IAM::Policy").keySet()).as("the fraud check has no inline policy")
                .noneMatch(id -> id.startsWith("FraudCheckFunction"));
    }

    @Test
    void onlyTheApiAndTheFraudCheckMaySendCallbacksAndOnlyToTheWorkflowsVersions() {
        String workflow = functionId("loan-workflow");
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 2);
        Map<String, Object> callbacks = Map.of("Effect", "Allow", "Action", DurableFunction.CALLBACK_ACTIONS,
                "Resource", Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(workflow, "Arn")), ":*"))));
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(callbacks)),
                "Roles", List.of(
                        Map.of("Ref", Match.stringLikeRegexp("^LoanApiFunctionServiceRole.*")),
                        Map.of("Ref", Match.stringLikeRegexp("^FraudCheckFunctionServiceRole.*")))));
    }

    @Test
    void httpApiHasTheThreeRoutesAndApproveNeedsIam() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /apply",
                "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "GET /status/{id}",
                "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /approve",
                "AuthorizationType", "AWS_IAM"));
        template.resourceCountIs("AWS::ApiGatewayV2::Route", 3);
        template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY", "PayloadFormatVersion", "2.0",
                "IntegrationUri", Map.of("Ref", aliasId("api"))));
    }

    @Test
    void httpApiIsThrottledLoggedAndOpenToABrowserPage() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", LoanApprovalStack.RATE_LIMIT,
                        "ThrottlingBurstLimit", LoanApprovalStack.BURST_LIMIT),
                "AccessLogSettings", Map.of("DestinationArn", Match.anyValue(), "Format", Match.anyValue())));
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "ProtocolType", "HTTP",
                "CorsConfiguration", Map.of("AllowOrigins", List.of("*"),
                        "AllowHeaders", Match.arrayWith(List.of("content-type", "authorization", "x-amz-date")))));
    }

    @Test
    void managersGetAPolicyForPostApproveOnly() throws Exception {
        String policy = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                template.findResources("AWS::IAM::ManagedPolicy", Map.of("Properties", Map.of(
                        "Description", Match.stringLikeRegexp("^Managers.*")))));
        assertThat(policy).contains("\"Action\":\"execute-api:Invoke\"").contains("\"/$default/POST/approve\"")
                .doesNotContain("\"Roles\"");
    }

    @Test
    void outputsNameWhatTheDemoScriptReads() {
        assertThat(template.findOutputs("*").keySet()).containsExactlyInAnyOrder("ApiUrl", "ProgressTableName",
                "WorkflowFunctionName", "WorkflowAliasArn", "WorkflowLogGroupName", "ApiLogGroupName",
                "FraudCheckLogGroupName", "ApproverPolicyArn", "AlarmTopicArn");
    }

    // --- what the stages set (config/config.json) ---

    @Test
    void stagesDeploySideBySideUnderTheirOwnNames() {
        assertThat(prod.toJSON().toString()).doesNotContain(PREFIX);
        prod.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", PROD_PREFIX + "-progress"));
        for (String suffix : FUNCTIONS) {
            prod.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", PROD_PREFIX + "-" + suffix));
        }
        prod.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("Name", PROD_PREFIX + "-http-api"));
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", PROD_PREFIX + "-alarms"));
    }

    @Test
    void prodWaitsDaysForTheManagerAndLogsAtInfo() {
        // prod: a 3-day approval + 10-minute fraud check inside a 4-day execution, history kept 30 days.
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PROD_PREFIX + "-loan-workflow",
                "DurableConfig", Map.of("ExecutionTimeout", 4 * 24 * 3600, "RetentionPeriodInDays", 30),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "APPROVAL_TIMEOUT_SECONDS", Integer.toString(3 * 24 * 3600),
                        "FRAUD_CHECK_TIMEOUT_SECONDS", "600")))));
        // The functions' log groups and the HTTP API's access log follow the stage.
        SynthTester.assertStageLogging(template, PREFIX, prod, PROD_PREFIX, FUNCTIONS);
    }

    @Test
    void anExecutionTimeoutShorterThanBothWaitsIsRefused() throws Exception {
        // A manager who never answers must end in a denial, not in a timed-out execution: 35 minutes < 30 + 10.
        Path dir = Files.createTempDirectory("lesson4-config");
        Files.copy(Path.of("config", "tags.json"), dir.resolve("tags.json"));
        Files.writeString(dir.resolve("config.json"), Files.readString(Path.of("config", "config.json"))
                .replace("\"executionTimeout\": \"1h\"", "\"executionTimeout\": \"35m\""));
        WorkshopConfig config = WorkshopConfig.load(dir, "dev");
        App app = new App(AppProps.builder()
                .context(Map.of(FunctionJar.CONTEXT_KEY, SynthTester.placeholderJar().toString())).build());

        assertThatThrownBy(() -> new LoanApprovalStack(app, "TooShort", config))
                .hasMessageContaining("stages.dev.durableFunctions.loan-workflow.executionTimeout")
                .hasMessageContaining("shorter than");
    }

    @Test
    void theWorkflowHasFourAlarmsAndTheOtherFunctionsTwo() {
        for (Template stage : List.of(template, prod)) {
            String prefix = stage == prod ? PROD_PREFIX : PREFIX;
            assertThat(SynthTester.alarmThresholds(stage, SynthTester.logicalId(stage, "AWS::Lambda::Function",
                    "FunctionName", prefix + "-loan-workflow"))).isEqualTo(Map.of(
                    "Errors", 1, "Throttles", 1, "DurableExecutionFailed", 1, "DurableExecutionTimedOut", 1));
            for (String worker : List.of("api", "fraud-check")) {
                assertThat(SynthTester.alarmThresholds(stage, SynthTester.logicalId(stage, "AWS::Lambda::Function",
                        "FunctionName", prefix + "-" + worker))).isEqualTo(Map.of("Errors", 1, "Throttles", 1));
            }
            stage.resourceCountIs("AWS::CloudWatch::Alarm", 8);
        }
    }

    @Test
    void alarmTopicIsEncryptedAndRefusesRequestsWithoutTls() {
        // config.json gives no e-mail address: nobody is subscribed until one is added.
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(template, 0);
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(prod, 0);
    }
}
