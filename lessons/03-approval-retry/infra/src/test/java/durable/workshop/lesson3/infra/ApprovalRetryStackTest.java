package durable.workshop.lesson3.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.SynthTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes lesson 3's app offline for each stage (with cdk-nag AwsSolutions) and checks what the lesson relies
 * on: the dev template in detail, and what the stages set differently in both.
 */
class ApprovalRetryStackTest {

    private static final String PREFIX = "durable-workshop-l3-dev";
    private static final String PROD_PREFIX = "durable-workshop-l3-prod";
    private static final List<String> FUNCTIONS = List.of("order-workflow", "payment-sandbox");
    private static Template template;
    private static Template prod;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth("dev", Lesson3App::define);
        prod = SynthTester.synth("prod", Lesson3App::define);
    }

    private static String tableId(String suffix) {
        return SynthTester.logicalId(template, "AWS::DynamoDB::Table", "TableName", PREFIX + "-" + suffix);
    }

    private static String functionId(String suffix) {
        return SynthTester.functionId(template, PREFIX + "-" + suffix);
    }

    private static String prodFunctionId(String suffix) {
        return SynthTester.functionId(prod, PROD_PREFIX + "-" + suffix);
    }

    private static String aliasId(String suffix) {
        return SynthTester.aliasId(template, PREFIX + "-" + suffix);
    }

    private static Map<String, Object> arnOf(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    @Test
    void threeTablesOnDemandWithRecoveryAndRemovedWithTheStack() {
        for (String[] table : new String[][] {
                {"orders", "orderId"}, {"products", "productId"}, {"payment-ledger", "idempotencyKey"}}) {
            template.hasResource("AWS::DynamoDB::Table", Map.of(
                    "Properties", Map.of(
                            "TableName", PREFIX + "-" + table[0],
                            "KeySchema", List.of(Map.of("AttributeName", table[1], "KeyType", "HASH")),
                            "BillingMode", "PAY_PER_REQUEST",
                            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)),
                    "DeletionPolicy", "Delete"));
        }
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", PREFIX + "-payment-ledger",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sampleProductsAreWrittenAtDeployTime() throws Exception {
        Map<String, ?> resources = template.findResources("Custom::AWS");
        assertThat(resources).hasSize(1);
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.values().iterator().next())
                .get("Properties");
        JsonNode puts = new ObjectMapper().readTree((String) props.get("Create"))
                .at("/parameters/RequestItems/" + PREFIX + "-products");
        assertThat(puts).hasSize(3);
        JsonNode widget = puts.get(0).at("/PutRequest/Item");
        assertThat(widget.at("/productId/S").asText() + " " + widget.at("/price/N").asText() + " "
                + widget.at("/stock/N").asText()).isEqualTo("prod-001 1000 50");
    }

    @Test
    void workflowOutlastsTheApprovalWaitAndReadsItsSettings() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-order-workflow",
                "Handler", "durable.workshop.lesson3.OrderWorkflow",
                "Runtime", "java25",
                // dev: 2 hours, more than 30 minutes of approval wait + 1 hour for everything else.
                "DurableConfig", Map.of("ExecutionTimeout", 7200, "RetentionPeriodInDays", 3),
                "Environment", Map.of("Variables", Map.of(
                        "ORDERS_TABLE", Map.of("Ref", tableId("orders")),
                        "PRODUCTS_TABLE", Map.of("Ref", tableId("products")),
                        "APPROVAL_TIMEOUT", "PT30M",
                        "PAYMENT_GATEWAY_URL", Map.of("Fn::GetAtt", List.of(
                                SynthTester.logicalId(template, "AWS::Lambda::Url", "AuthType", "AWS_IAM"),
                                "FunctionUrl"))))));
    }

    @Test
    void sandboxIsAPlainFunctionBehindAnIamAuthenticatedUrlOnItsAlias() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-payment-sandbox",
                "Handler", "durable.workshop.lesson3.PaymentSandboxFunction::handleRequest",
                "DurableConfig", Match.absent(),
                "Environment", Map.of("Variables", Map.of("LEDGER_TABLE", Map.of("Ref", tableId("payment-ledger"))))));
        template.resourceCountIs("AWS::Lambda::Url", 1);
        template.hasResourceProperties("AWS::Lambda::Url", Map.of(
                "AuthType", "AWS_IAM",
                "Qualifier", "live",
                "TargetFunctionArn", arnOf(functionId("payment-sandbox"))));
        assertThat(SynthTester.policyActions(template, "PaymentSandboxFunctionServiceRole"))
                .containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    }

    @Test
    void workflowMayCallTheGatewayUrlAndExactlyTheTableCallsItMakes() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Effect", "Allow", "Action", "lambda:InvokeFunctionUrl",
                                "Condition", Map.of("StringEquals", Map.of("lambda:FunctionUrlAuthType", "AWS_IAM")),
                                "Resource", Map.of("Ref", aliasId("payment-sandbox"))),
                        Map.of("Effect", "Allow", "Action", "lambda:InvokeFunction",
                                "Condition", Map.of("Bool", Map.of("lambda:InvokedViaFunctionUrl", true)),
                                "Resource", Map.of("Ref", aliasId("payment-sandbox"))),
                        Map.of("Effect", "Allow", "Action", List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                                "Resource", arnOf(tableId("products"))),
                        Map.of("Effect", "Allow",
                                "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                                "Resource", arnOf(tableId("orders"))))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^OrderWorkflow.*")))));
        template.resourcePropertiesCountIs("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", List.of(SynthTester.managedPolicyArn(DurableFunction.DURABLE_POLICY))), 1);
    }

    @Test
    void approversMayReadAnOrdersCallbackIdAndAnswerOnlyThisWorkflowsCallbacks() {
        // Exactly what an approving tool calls (the lesson demo approves and rejects with these): GetItem on the
        // order table (the callback id), then one of the three callback actions. No other table, no Query or Scan, no other function.
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Description", Match.stringLikeRegexp("^Approvers of " + PREFIX + "-order-workflow: read an order's"),
                "PolicyDocument", Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(
                                Map.of("Effect", "Allow",
                                        "Action", DurableFunction.CALLBACK_ACTIONS,
                                        "Resource", Map.of("Fn::Join", List.of("", List.of(
                                                arnOf(functionId("order-workflow")), ":*")))),
                                Map.of("Effect", "Allow",
                                        "Action", "dynamodb:GetItem",
                                        "Resource", arnOf(tableId("orders")))))));
    }

    @Test
    void everyFunctionHasAliasLiveAndALogGroupDeletedWithTheStack() {
        for (String suffix : FUNCTIONS) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live", "FunctionName", Map.of("Ref", functionId(suffix))));
            template.hasResource("AWS::Logs::LogGroup", Map.of(
                    "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-" + suffix, "RetentionInDays", 3),
                    "DeletionPolicy", "Delete"));
        }
    }

    @Test
    void outputsNameWhatTheDemoScriptReads() {
        assertThat(template.findOutputs("*").keySet()).containsExactlyInAnyOrder(
                "WorkflowFunctionName", "WorkflowAliasArn", "WorkflowLogGroupName", "OrdersTableName",
                "ProductsTableName", "PaymentGatewayUrl", "PaymentSandboxLogGroupName", "ApproverPolicyArn",
                "ApprovalTimeout", "AlarmTopicArn");
        assertThat(template.findOutputs("ApprovalTimeout").get("ApprovalTimeout")).containsEntry("Value", "PT30M");
        assertThat(prod.findOutputs("ApprovalTimeout").get("ApprovalTimeout")).containsEntry("Value", "PT72H");
    }

    // --- what the stages set (config/config.json) ---

    @Test
    void stagesDeploySideBySideUnderTheirOwnNames() {
        assertThat(prod.toJSON().toString()).doesNotContain(PREFIX);
        for (String table : List.of("orders", "products", "payment-ledger")) {
            prod.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", PROD_PREFIX + "-" + table));
        }
        for (String suffix : FUNCTIONS) {
            prod.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", PROD_PREFIX + "-" + suffix));
        }
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", PROD_PREFIX + "-alarms"));
    }

    @Test
    void prodWaitsDaysForTheApproverAndItsExecutionOutlastsTheWait() {
        // callbackTimeouts.approval: 3 days; the execution timeout (4 days) covers it plus the hour after.
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PROD_PREFIX + "-order-workflow",
                "DurableConfig", Map.of("ExecutionTimeout", 4 * 24 * 3600, "RetentionPeriodInDays", 30),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("APPROVAL_TIMEOUT", "PT72H")))));
    }

    @Test
    void devHasDebugLogsProdInfoLogsAndEachItsLogRetention() {
        // Every log group, the sample-product loader's too, follows the stage.
        SynthTester.assertStageLogging(template, PREFIX, prod, PROD_PREFIX, FUNCTIONS);
    }

    @Test
    void workflowHasFourAlarmsAndTheSandboxTwoWithTheStagesThresholds() {
        // Dev lets the demo's expected failures (an invalid order, missing stock) pass; prod alarms on one.
        assertThat(SynthTester.alarmThresholds(template, functionId("order-workflow"))).isEqualTo(Map.of(
                "Errors", 5, "Throttles", 1, "DurableExecutionFailed", 5, "DurableExecutionTimedOut", 1));
        assertThat(SynthTester.alarmThresholds(prod, prodFunctionId("order-workflow"))).isEqualTo(Map.of(
                "Errors", 1, "Throttles", 1, "DurableExecutionFailed", 1, "DurableExecutionTimedOut", 1));
        assertThat(SynthTester.alarmThresholds(template, functionId("payment-sandbox")))
                .isEqualTo(Map.of("Errors", 5, "Throttles", 1));
        assertThat(SynthTester.alarmThresholds(prod, prodFunctionId("payment-sandbox")))
                .isEqualTo(Map.of("Errors", 1, "Throttles", 1));
        // The CDK's sample-product loader is not a workshop function and runs once per deployment: no alarms.
        template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    }

    @Test
    void alarmTopicIsEncryptedAndRefusesRequestsWithoutTls() {
        // config.json gives no e-mail address: nobody is subscribed until one is added.
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(template, 0);
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(prod, 0);
    }
}
