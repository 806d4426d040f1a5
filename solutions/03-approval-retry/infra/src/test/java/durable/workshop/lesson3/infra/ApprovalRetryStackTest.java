package durable.workshop.lesson3.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.InfraException;
import durable.workshop.cdk.SynthTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes lesson 3's app offline once (with cdk-nag AwsSolutions) and checks what the lesson relies on. */
class ApprovalRetryStackTest {

    private static final String PREFIX = "durable-workshop-l3";
    private static Template template;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth(Lesson3App::define);
    }

    private static String tableId(String suffix) {
        return SynthTester.logicalId(template, "AWS::DynamoDB::Table", "TableName", PREFIX + "-" + suffix);
    }

    private static String functionId(String suffix) {
        return SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", PREFIX + "-" + suffix);
    }

    private static String aliasId(String suffix) {
        return template.findResources("AWS::Lambda::Alias", Map.of("Properties", Map.of(
                "FunctionName", Map.of("Ref", functionId(suffix))))).keySet().iterator().next();
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
                // 30 minutes of approval wait + 1 hour for everything else, retries included.
                "DurableConfig", Map.of("ExecutionTimeout", 5400, "RetentionPeriodInDays", 7),
                "Environment", Map.of("Variables", Map.of(
                        "ORDERS_TABLE", Map.of("Ref", tableId("orders")),
                        "PRODUCTS_TABLE", Map.of("Ref", tableId("products")),
                        "APPROVAL_TIMEOUT", "PT30M",
                        "PAYMENT_GATEWAY_URL", Map.of("Fn::GetAtt", List.of(
                                SynthTester.logicalId(template, "AWS::Lambda::Url", "AuthType", "AWS_IAM"),
                                "FunctionUrl"))))));
    }

    @Test
    void approvalTimeoutComesFromTheContextAndIsChecked() {
        Template twoDays = SynthTester.synth(app -> {
            app.getNode().setContext(ApprovalRetryStack.APPROVAL_TIMEOUT_CONTEXT, "2880");
            return Lesson3App.define(app);
        });
        twoDays.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-order-workflow",
                "DurableConfig", Map.of("ExecutionTimeout", (2880 + 60) * 60, "RetentionPeriodInDays", 7),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("APPROVAL_TIMEOUT", "PT48H")))));
        assertThatThrownBy(() -> SynthTester.synth(app -> {
            app.getNode().setContext(ApprovalRetryStack.APPROVAL_TIMEOUT_CONTEXT, "soon");
            return Lesson3App.define(app);
        })).isInstanceOf(InfraException.class).hasMessageContaining(ApprovalRetryStack.APPROVAL_TIMEOUT_CONTEXT);
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
    void approversGetOnlyTheCallbackActionsOnTheWorkflowsExecutions() {
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", DurableFunction.CALLBACK_ACTIONS,
                        "Resource", Map.of("Fn::Join", List.of("", List.of(
                                arnOf(functionId("order-workflow")), ":*"))))))));
    }

    @Test
    void everyFunctionHasAliasLiveAndALogGroupKeptOneWeek() {
        for (String suffix : List.of("order-workflow", "payment-sandbox")) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live", "FunctionName", Map.of("Ref", functionId(suffix))));
            template.hasResource("AWS::Logs::LogGroup", Map.of(
                    "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-" + suffix, "RetentionInDays", 7),
                    "DeletionPolicy", "Delete"));
        }
    }

    @Test
    void outputsNameWhatTheDemoScriptReads() {
        assertThat(template.findOutputs("*").keySet()).contains(
                "WorkflowFunctionName", "WorkflowAliasArn", "WorkflowLogGroupName", "OrdersTableName",
                "PaymentGatewayUrl", "PaymentSandboxLogGroupName", "ApproverPolicyArn", "ApprovalTimeoutMinutes");
    }
}
