package durable.workshop.lesson4.infra;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.SynthTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes lesson 4's app offline once (with cdk-nag AwsSolutions) and checks what the lesson relies on. */
class LoanApprovalStackTest {

    private static final String PREFIX = "durable-workshop-l4";
    private static final String TABLE = PREFIX + "-progress";
    private static Template template;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth(Lesson4App::define);
    }

    private static String functionId(String suffix) {
        return SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", PREFIX + "-" + suffix);
    }

    private static String aliasId(String suffix) {
        String fn = functionId(suffix);
        return template.findResources("AWS::Lambda::Alias", Map.of("Properties", Map.of(
                "FunctionName", Map.of("Ref", fn)))).keySet().iterator().next();
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
    void workflowIsDurableForLongerThanTheApprovalTimeout() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-loan-workflow",
                "Handler", "durable.workshop.lesson4.LoanWorkflow",
                "DurableConfig", Map.of("ExecutionTimeout", 7 * 24 * 3600, "RetentionPeriodInDays", 14),
                "Environment", Map.of("Variables", Map.of(
                        "PROGRESS_TABLE", TABLE,
                        "FRAUD_CHECK_FUNCTION", Map.of("Ref", aliasId("fraud-check")),
                        "APPROVAL_TIMEOUT_HOURS", "72"))));
        assertThat(7 * 24).as("execution timeout (hours) exceeds the approval timeout")
                .isGreaterThan(LoanApprovalStack.APPROVAL_TIMEOUT_HOURS);
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
    void everyFunctionHasAliasLiveAndALogGroupKeptOneWeek() {
        for (String suffix : List.of("loan-workflow", "api", "fraud-check")) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live", "FunctionName", Map.of("Ref", functionId(suffix))));
            template.hasResource("AWS::Logs::LogGroup", Map.of(
                    "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-" + suffix,
                            "RetentionInDays", 7),
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
        assertThat(template.findOutputs("*").keySet()).contains("ApiUrl", "ProgressTableName",
                "WorkflowFunctionName", "WorkflowAliasArn", "WorkflowLogGroupName", "ApproverPolicyArn");
    }
}
