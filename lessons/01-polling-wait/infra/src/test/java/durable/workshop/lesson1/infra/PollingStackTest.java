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

/**
 * Synthesizes lesson 1's app offline for each stage (with cdk-nag AwsSolutions) and checks what the lesson relies
 * on: the dev template in detail, and what the stages set differently in both.
 */
class PollingStackTest {

    private static final String PREFIX = "durable-workshop-l1-dev";
    private static Template template;
    private static Template prod;
    private static String functionId;
    private static String tableId;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth("dev", Lesson1App::define);
        prod = SynthTester.synth("prod", Lesson1App::define);
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
    void functionIsDurableOnJava25WithTheTableName() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", PREFIX + "-polling",
                "Handler", "durable.workshop.lesson1.PollingHandler",
                "Runtime", "java25",
                "DurableConfig", Map.of("ExecutionTimeout", 3600, "RetentionPeriodInDays", 3),
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
    void logGroupIsDeletedWithTheStack() {
        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("LogGroupName", "/aws/lambda/" + PREFIX + "-polling", "RetentionInDays", 3),
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
                .containsExactlyInAnyOrder("TableName", "FunctionName", "AliasArn", "LogGroupName", "AlarmTopicArn");
    }

    @Test
    void everyResourceCarriesTheTagsFromConfig() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Lesson", "Value", "01-polling-wait")))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Project", "Value", "durable-functions-workshop"),
                Map.of("Key", "Stage", "Value", "dev")))));
    }

    // --- what the stages set (config/config.json) ---

    @Test
    void stagesDeploySideBySideUnderTheirOwnNames() {
        for (String name : List.of("-polling", "-items", "-alarms")) {
            assertThat(template.toJSON().toString()).contains("durable-workshop-l1-dev" + name);
            assertThat(prod.toJSON().toString()).contains("durable-workshop-l1-prod" + name)
                    .doesNotContain("durable-workshop-l1-dev");
        }
        prod.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "durable-workshop-l1-prod-items"));
    }

    @Test
    void devKeepsHistoryAndLogsThreeDaysWithDebugLogsProdThirtyDaysWithInfoLogs() {
        // Dev's execution timeout is the least the polls need; prod leaves an hour for a slow check and retries.
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "DurableConfig", Map.of("ExecutionTimeout", 3600, "RetentionPeriodInDays", 3),
                "LoggingConfig", Match.objectLike(Map.of("ApplicationLogLevel", "DEBUG", "SystemLogLevel", "INFO"))));
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "durable-workshop-l1-prod-polling",
                "DurableConfig", Map.of("ExecutionTimeout", 7200, "RetentionPeriodInDays", 30),
                "LoggingConfig", Match.objectLike(Map.of("ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO"))));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/durable-workshop-l1-prod-polling", "RetentionInDays", 30));
    }

    @Test
    void thePollerIsWatchedForErrorsThrottlesAndFailedOrTimedOutExecutions() {
        Map<String, Number> expected = Map.of("Errors", 1, "Throttles", 1,
                "DurableExecutionFailed", 1, "DurableExecutionTimedOut", 1);
        assertThat(SynthTester.alarmThresholds(template, functionId)).isEqualTo(expected);
        String prodFunction = SynthTester.logicalId(prod, "AWS::Lambda::Function", "FunctionName",
                "durable-workshop-l1-prod-polling");
        assertThat(SynthTester.alarmThresholds(prod, prodFunction)).isEqualTo(expected);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 4);
        String topic = template.findResources("AWS::SNS::Topic").keySet().iterator().next();
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of(
                "Period", 300, "Statistic", "Sum", "AlarmActions", List.of(Map.of("Ref", topic))));
    }

    @Test
    void alarmTopicIsEncryptedAndRefusesRequestsWithoutTls() {
        // config.json gives no e-mail address: nobody is subscribed until one is added.
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(template, 0);
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(prod, 0);
    }
}
