package durable.workshop.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;

/** One small stack using every part of the library, synthesized once and checked in detail. */
class DurableFunctionTest {

    private static Template template;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth(DurableFunctionTest::define);
    }

    private static Stack define(App app) {
        Stack stack = new Stack(app, "LibraryTest");
        DurableFunction durable = new DurableFunction(stack, "Durable", FunctionSettings.builder()
                .functionName("test-durable")
                .handler("durable.workshop.test.Handler")
                .code(FunctionJar.code(stack, 9))
                .environment("COLOUR", "blue")
                .build(), Duration.hours(2), Duration.days(3));
        WorkerFunction sender = new WorkerFunction(stack, "Sender", FunctionSettings.builder()
                .functionName("test-sender")
                .handler("durable.workshop.test.Sender::handleRequest")
                .code(FunctionJar.code(stack, 9))
                .build());
        WorkerFunction worker = new WorkerFunction(stack, "Worker", FunctionSettings.builder()
                .functionName("test-worker")
                .handler("durable.workshop.test.Worker::handleRequest")
                .code(FunctionJar.code(stack, 9))
                .build());
        durable.grantCallbackSender(sender.getFunction());
        durable.grantInvokeAlias(worker.getAlias());
        Table table = table(stack, "Items");
        TableAccess.grantItemActions(table, durable.getFunction(), TableAccess.GET_ITEM);
        TableAccess.grantItemActions(table, worker.getFunction(),
                TableAccess.GET_ITEM, TableAccess.UPDATE_ITEM, TableAccess.PUT_ITEM);
        return stack;
    }

    private static Table table(Stack stack, String id) {
        return Table.Builder.create(stack, id)
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .build();
    }

    @Test
    void durableFunctionHasDurableConfigRuntimeJsonLogsAndEnvironment() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "test-durable",
                "Handler", "durable.workshop.test.Handler",
                "Runtime", "java25",
                "DurableConfig", Map.of("ExecutionTimeout", 7200, "RetentionPeriodInDays", 3),
                "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON")),
                "Environment", Map.of("Variables", Map.of("COLOUR", "blue"))));
    }

    @Test
    void workerIsNotDurable() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "test-worker",
                "DurableConfig", Match.absent()));
    }

    @Test
    void eachFunctionHasAnAliasLiveAndALogGroupDeletedWithTheStack() {
        template.resourceCountIs("AWS::Lambda::Alias", 3);
        template.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        template.resourceCountIs("AWS::Lambda::Version", 3);
        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("LogGroupName", "/aws/lambda/test-durable", "RetentionInDays", 7),
                "DeletionPolicy", "Delete",
                "UpdateReplacePolicy", "Delete"));
    }

    @Test
    void durableRoleHasTheManagedDurablePolicyAndWorkersTheBasicOne() {
        String durableRole = roleOf("test-durable");
        assertThat(template.findResources("AWS::IAM::Role").get(durableRole).toString())
                .contains("AWSLambdaBasicDurableExecutionRolePolicy");
        template.hasResource("AWS::IAM::Role", Match.objectLike(Map.of("Properties", Match.objectLike(Map.of(
                "ManagedPolicyArns", List.of(SynthTester.managedPolicyArn(DurableFunction.DURABLE_POLICY)))))));
        template.resourcePropertiesCountIs("AWS::IAM::Role", Map.of("ManagedPolicyArns",
                List.of(SynthTester.managedPolicyArn("service-role/AWSLambdaBasicExecutionRole"))), 2);
    }

    @Test
    void eachRoleSuppressesTheManagedPolicyFindingOfOnlyThePolicyItHas() {
        // The basic execution role's suppression belongs on worker roles only: durable roles do not have it.
        assertThat(suppressedFindings(roleOf("test-durable"), "AwsSolutions-IAM4"))
                .containsExactly(WorkshopFunction.managedPolicyFinding(DurableFunction.DURABLE_POLICY));
        for (String worker : List.of("test-worker", "test-sender")) {
            assertThat(suppressedFindings(roleOf(worker), "AwsSolutions-IAM4"))
                    .containsExactly(WorkshopFunction.managedPolicyFinding(WorkerFunction.BASIC_EXECUTION_POLICY));
        }
        assertThat(suppressedFindings(roleOf("test-durable"), "AwsSolutions-IAM5")).isEmpty();
        assertThat(suppressedFindings(roleOf("test-worker"), "AwsSolutions-IAM5")).isEmpty();
    }

    @Test
    void callbackSenderGetsExactlyTheThreeCallbackActionsOnTheFunctionVersions() {
        String durableId = SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", "test-durable");
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of(
                                "lambda:SendDurableExecutionCallbackSuccess",
                                "lambda:SendDurableExecutionCallbackFailure",
                                "lambda:SendDurableExecutionCallbackHeartbeat"),
                        "Resource", Map.of("Fn::Join", List.of("", List.of(
                                Map.of("Fn::GetAtt", List.of(durableId, "Arn")), ":*"))))))))));
    }

    @Test
    void invokeGrantIsTheQualifiedAliasArnOnly() {
        String aliasId = logicalIdStartingWith("AWS::Lambda::Alias", "WorkerAlias");
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(Map.of(
                        "Effect", "Allow",
                        "Action", "lambda:InvokeFunction",
                        "Resource", Map.of("Ref", aliasId))))))));
    }

    @Test
    void tableAccessGrantsExactlyTheNamedActionsOnTheTableArnOnly() {
        String tableId = logicalIdStartingWith("AWS::DynamoDB::Table", "Items");
        Map<String, Object> onTable = Map.of("Fn::GetAtt", List.of(tableId, "Arn"));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Effect", "Allow", "Action", "lambda:InvokeFunction", "Resource", Match.anyValue()),
                        Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", onTable))),
                "Roles", List.of(Map.of("Ref", roleOf("test-durable")))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"),
                        "Resource", onTable))),
                "Roles", List.of(Map.of("Ref", roleOf("test-worker")))));
        assertThat(SynthTester.policyActions(template, roleOf("test-durable")))
                .containsExactly("lambda:InvokeFunction", "dynamodb:GetItem");
        assertThat(SynthTester.policyActions(template, roleOf("test-worker")))
                .containsExactly("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem");
    }

    @Test
    void tableAccessRefusesWildcardsRepeatsOtherServicesAndNoActionAtAll() {
        Stack stack = new Stack(new App(), "Refused");
        Table table = table(stack, "T");
        software.amazon.awscdk.services.iam.Role role = software.amazon.awscdk.services.iam.Role.Builder
                .create(stack, "R").assumedBy(new software.amazon.awscdk.services.iam.ServicePrincipal(
                        "lambda.amazonaws.com")).build();
        assertThatThrownBy(() -> TableAccess.grantItemActions(table, role))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamodb:GetItem");
        for (String bad : List.of("dynamodb:*", "dynamodb:Get*", "s3:GetObject", "GetItem")) {
            assertThatThrownBy(() -> TableAccess.grantItemActions(table, role, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> TableAccess.grantItemActions(table, role, TableAccess.GET_ITEM, TableAccess.GET_ITEM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        Table encrypted = Table.Builder.create(stack, "Encrypted")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .build();
        assertThatThrownBy(() -> TableAccess.grantItemActions(encrypted, role, TableAccess.GET_ITEM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KMS");
    }

    @Test
    void missingJarSaysWhichCommandBuildsIt() {
        App app = new App(software.amazon.awscdk.AppProps.builder()
                .context(Map.of(FunctionJar.CONTEXT_KEY, "no/such/function.jar")).build());
        assertThatThrownBy(() -> FunctionJar.code(new Stack(app, "NoJar"), 2))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("no/such/function.jar")
                .hasMessageContaining("make synth LESSON=2");
    }

    @SuppressWarnings("unchecked")
    private static String roleOf(String functionName) {
        String fn = SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", functionName);
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) template
                .findResources("AWS::Lambda::Function").get(fn)).get("Properties");
        return ((List<String>) ((Map<String, Object>) props.get("Role")).get("Fn::GetAtt")).get(0);
    }

    /** The appliesTo entries of the cdk-nag suppressions of {@code ruleId} in a resource's metadata. */
    @SuppressWarnings("unchecked")
    private static List<String> suppressedFindings(String logicalId, String ruleId) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
        Map<String, Object> metadata = (Map<String, Object>) resource.getOrDefault("Metadata", Map.of());
        Map<String, Object> nag = (Map<String, Object>) metadata.getOrDefault("cdk_nag", Map.of());
        return ((List<Map<String, Object>>) nag.getOrDefault("rules_to_suppress", List.of())).stream()
                .filter(rule -> ruleId.equals(rule.get("id")))
                .flatMap(rule -> ((List<String>) rule.getOrDefault("applies_to", List.of())).stream())
                .toList();
    }

    private static String logicalIdStartingWith(String type, String prefix) {
        return template.findResources(type).keySet().stream()
                .filter(id -> id.startsWith(prefix)).findFirst().orElseThrow();
    }

}
