package durable.workshop.lesson2.infra;

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
 * Synthesizes lesson 2's app offline for each stage (with cdk-nag AwsSolutions) and checks what the lesson relies
 * on: the dev template in detail, and what the stages set differently in both.
 */
class OrderChainingStackTest {

    private static final String PREFIX = "durable-workshop-l2-dev";
    private static final String PROD_PREFIX = "durable-workshop-l2-prod";
    private static final String CATALOG = PREFIX + "-product-catalog";
    private static final List<String> WORKERS = List.of("payment", "inventory", "fulfillment");
    private static Template template;
    private static Template prod;
    private static String tableId;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth("dev", Lesson2App::define);
        prod = SynthTester.synth("prod", Lesson2App::define);
        tableId = SynthTester.logicalId(template, "AWS::DynamoDB::Table", "TableName", CATALOG);
    }

    private static String functionId(String suffix) {
        return SynthTester.functionId(template, PREFIX + "-" + suffix);
    }

    private static String prodFunctionId(String suffix) {
        return SynthTester.functionId(prod, PROD_PREFIX + "-" + suffix);
    }

    /** Logical ID of the alias of the function named {@code <prefix>-<suffix>}. */
    private static String aliasId(String suffix) {
        return SynthTester.aliasId(template, PREFIX + "-" + suffix);
    }

    @Test
    void catalogTableIsKeyedByProductIdOnDemandWithRecoveryAndRemovedWithTheStack() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "Properties", Map.of(
                        "TableName", CATALOG,
                        "KeySchema", List.of(Map.of("AttributeName", "productId", "KeyType", "HASH")),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)),
                "DeletionPolicy", "Delete"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sampleProductsAreWrittenAtDeployTimeWithTheirPricesAndStock() throws Exception {
        Map<String, ?> resources = template.findResources("Custom::AWS");
        assertThat(resources).hasSize(1);
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.values().iterator().next())
                .get("Properties");
        JsonNode create = new ObjectMapper().readTree((String) props.get("Create"));
        assertThat(create.get("service").asText()).isEqualTo("DynamoDB");
        assertThat(create.get("action").asText()).isEqualTo("batchWriteItem");
        JsonNode puts = create.at("/parameters/RequestItems/" + CATALOG);
        assertThat(puts).hasSize(3);
        assertThat(product(puts.get(0))).isEqualTo("LAPTOP-001 Gaming Laptop 1299.99 50 WAREHOUSE-A");
        assertThat(product(puts.get(1))).isEqualTo("MOUSE-001 Wireless Mouse 29.99 200 WAREHOUSE-A");
        assertThat(product(puts.get(2))).isEqualTo("KEYBOARD-001 Mechanical Keyboard 149.99 20 WAREHOUSE-B");
        assertThat(props.get("Update")).as("a changed product list is written again").isEqualTo(props.get("Create"));
    }

    private static String product(JsonNode put) {
        JsonNode item = put.at("/PutRequest/Item");
        return String.join(" ", item.at("/productId/S").asText(), item.at("/name/S").asText(),
                item.at("/price/N").asText(), item.at("/stockLevel/N").asText(),
                item.at("/warehouseLocation/S").asText());
    }

    @Test
    void loaderMayOnlyBatchWriteTheCatalog() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", "dynamodb:BatchWriteItem",
                        "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn")))))));
    }

    @Test
    void orchestratorIsDurableWithWorkerAliasesInItsEnvironment() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-order-orchestrator",
                "Handler", "durable.workshop.lesson2.OrderOrchestrator",
                "Runtime", "java25",
                "DurableConfig", Map.of("ExecutionTimeout", 900, "RetentionPeriodInDays", 3),
                "Environment", Map.of("Variables", Map.of(
                        "CATALOG_TABLE", CATALOG,
                        "PAYMENT_FUNCTION", Map.of("Ref", aliasId("payment")),
                        "INVENTORY_FUNCTION", Map.of("Ref", aliasId("inventory")),
                        "FULFILLMENT_FUNCTION", Map.of("Ref", aliasId("fulfillment"))))));
    }

    @Test
    void workersArePlainFunctionsFromTheSameJar() {
        for (String[] worker : new String[][] {
                {"payment", "PaymentWorker"}, {"inventory", "InventoryWorker"}, {"fulfillment", "FulfillmentWorker"}}) {
            template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", PREFIX + "-" + worker[0],
                    "Handler", "durable.workshop.lesson2." + worker[1] + "::handleRequest",
                    "Runtime", "java25",
                    "DurableConfig", Match.absent()));
        }
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-inventory",
                "Environment", Map.of("Variables", Map.of("CATALOG_TABLE", CATALOG))));
    }

    @Test
    void everyFunctionHasAliasLiveAndALogGroupDeletedWithTheStack() {
        for (String suffix : List.of("order-orchestrator", "payment", "inventory", "fulfillment")) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live", "FunctionName", Map.of("Ref", functionId(suffix))));
            template.hasResource("AWS::Logs::LogGroup", Map.of(
                    "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-" + suffix,
                            "RetentionInDays", 3),
                    "DeletionPolicy", "Delete"));
        }
    }

    @Test
    void orchestratorRoleHasTheDurablePolicyAndMayInvokeExactlyTheThreeWorkerAliases() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", List.of(SynthTester.managedPolicyArn(DurableFunction.DURABLE_POLICY))));
        template.resourcePropertiesCountIs("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", List.of(SynthTester.managedPolicyArn(DurableFunction.DURABLE_POLICY))), 1);
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        invoke(aliasId("payment")),
                        invoke(aliasId("inventory")),
                        invoke(aliasId("fulfillment")),
                        Map.of("Effect", "Allow",
                                "Action", "dynamodb:GetItem",
                                "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn"))))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^OrderOrchestrator.*")))));
    }

    @Test
    void orchestratorMayOnlyGetItemsOfTheCatalog() {
        // ProductCatalog.find is its one DynamoDB call: a broader grant (batch reads, Query, writes) fails here.
        assertThat(SynthTester.policyActions(template, "OrderOrchestratorFunctionServiceRole")).containsExactly(
                "lambda:InvokeFunction", "lambda:InvokeFunction", "lambda:InvokeFunction", "dynamodb:GetItem");
    }

    @Test
    void onlyTheInventoryWorkerMayWriteTheCatalogWithExactlyTheCallsItMakes() {
        // InventoryWorker calls GetItem, UpdateItem and PutItem; no DeleteItem, Query, batch or transaction.
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"),
                        "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn"))))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^InventoryWorker.*")))));
        assertThat(SynthTester.policyActions(template, "InventoryWorkerFunctionServiceRole"))
                .containsExactly("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem");
        // Payment and fulfilment need nothing beyond their logs: no policy of their own.
        assertThat(template.findResources("AWS::IAM::Policy").keySet())
                .noneMatch(id -> id.startsWith("PaymentWorker") || id.startsWith("FulfillmentWorker"));
    }

    @Test
    void outputsNameWhatTheDemoScriptReads() {
        assertThat(template.findOutputs("*").keySet()).contains(
                "CatalogTableName", "OrchestratorFunctionName", "OrchestratorAliasArn", "OrchestratorLogGroupName");
    }

    // --- what the stages set (config/config.json) ---

    @Test
    void stagesDeploySideBySideUnderTheirOwnNames() {
        assertThat(prod.toJSON().toString()).doesNotContain(PREFIX);
        prod.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", PROD_PREFIX + "-product-catalog"));
        for (String suffix : List.of("order-orchestrator", "payment", "inventory", "fulfillment")) {
            prod.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", PROD_PREFIX + "-" + suffix));
        }
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", PROD_PREFIX + "-alarms"));
    }

    @Test
    void devHasShortTimeoutsAndDebugLogsProdLongOnesAndInfoLogs() {
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PROD_PREFIX + "-order-orchestrator",
                "DurableConfig", Map.of("ExecutionTimeout", 3600, "RetentionPeriodInDays", 30)));
        // Every log group, the sample-product loader's too, follows the stage.
        SynthTester.assertStageLogging(template, PREFIX, prod, PROD_PREFIX, List.of("order-orchestrator", "payment", "inventory", "fulfillment"));
    }

    @Test
    void orchestratorHasFourAlarmsAndEachWorkerTwoWithTheStagesThresholds() {
        // Dev lets the demo's three expected failures (declined, out of stock, invalid) pass; prod alarms on one.
        assertThat(SynthTester.alarmThresholds(template, functionId("order-orchestrator"))).isEqualTo(Map.of(
                "Errors", 5, "Throttles", 1, "DurableExecutionFailed", 5, "DurableExecutionTimedOut", 1));
        assertThat(SynthTester.alarmThresholds(prod, prodFunctionId("order-orchestrator"))).isEqualTo(Map.of(
                "Errors", 1, "Throttles", 1, "DurableExecutionFailed", 1, "DurableExecutionTimedOut", 1));
        for (String worker : WORKERS) {
            assertThat(SynthTester.alarmThresholds(template, functionId(worker)))
                    .isEqualTo(Map.of("Errors", 5, "Throttles", 1));
            assertThat(SynthTester.alarmThresholds(prod, prodFunctionId(worker)))
                    .isEqualTo(Map.of("Errors", 1, "Throttles", 1));
        }
        // The CDK's sample-product loader is not a workshop function and runs once per deployment: no alarms.
        template.resourceCountIs("AWS::CloudWatch::Alarm", 10);
    }

    @Test
    void alarmTopicIsEncryptedAndRefusesRequestsWithoutTls() {
        // config.json gives no e-mail address: nobody is subscribed until one is added.
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(template, 0);
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(prod, 0);
    }

    private static Map<String, Object> invoke(String aliasLogicalId) {
        return Map.of("Effect", "Allow", "Action", "lambda:InvokeFunction", "Resource", Map.of("Ref", aliasLogicalId));
    }
}
