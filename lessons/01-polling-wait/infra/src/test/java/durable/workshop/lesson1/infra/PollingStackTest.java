package durable.workshop.lesson1.infra;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.SynthTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes lesson 1's app offline once (with cdk-nag AwsSolutions) and checks what the lesson relies on. */
class PollingStackTest {

    private static final String PREFIX = "durable-workshop-l1";
    private static Template template;
    private static String functionId;
    private static String tableId;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth(Lesson1App::define);
        functionId = SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", PREFIX + "-polling");
        tableId = SynthTester.logicalId(template, "AWS::DynamoDB::Table", "TableName", PREFIX + "-items");
    }

    @Test
    void tableHasKeyPkIsOnDemandWithRecoveryAndIsRemovedWithTheStack() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "Properties", Map.of(
                        "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
                        "AttributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S")),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)),
                "DeletionPolicy", "Delete"));
    }

    @Test
    void functionIsDurableForOneHourKeptThirtyDaysOnJava25WithTheTableName() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-polling",
                "Handler", "durable.workshop.lesson1.PollingHandler",
                "Runtime", "java25",
                "DurableConfig", Map.of("ExecutionTimeout", 3600, "RetentionPeriodInDays", 30),
                "Environment", Map.of("Variables", Map.of("TABLE_NAME", Map.of("Ref", tableId))),
                "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON"))));
    }

    @Test
    void aliasLivePointsAtAPublishedVersion() {
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionName", Map.of("Ref", functionId),
                "FunctionVersion", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Version"))))));
    }

    @Test
    void logGroupIsKeptOneWeekAndDeletedWithTheStack() {
        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-polling", "RetentionInDays", 7),
                "DeletionPolicy", "Delete"));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-polling",
                "LoggingConfig", Map.of("LogFormat", "JSON", "LogGroup", Match.objectLike(Map.of()))));
    }

    @Test
    void roleHasOnlyTheDurableManagedPolicy() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", List.of(SynthTester.managedPolicyArn(DurableFunction.DURABLE_POLICY))));
    }

    @Test
    void functionMayOnlyGetItemsOfThisOneTable() {
        // PollingHandler calls GetItem and nothing else: a broader grant (batch reads, Query, DescribeTable,
        // writes) fails here.
        template.resourceCountIs("AWS::IAM::Policy", 1);
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", "dynamodb:GetItem",
                        "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn")))))));
        assertThat(SynthTester.policyActions(template, "PollingFunctionServiceRole"))
                .containsExactly("dynamodb:GetItem");
    }

    @Test
    void outputsNameWhatTheDemoScriptReads() {
        assertThat(template.findOutputs("*").keySet())
                .containsExactlyInAnyOrder("TableName", "FunctionName", "AliasArn", "LogGroupName");
    }

    @Test
    void everyResourceCarriesTheTagsFromConfig() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Lesson", "Value", "01-polling-wait")))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Project", "Value", "durable-functions-workshop")))));
    }
}
