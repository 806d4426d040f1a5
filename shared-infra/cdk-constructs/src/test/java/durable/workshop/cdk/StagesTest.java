package durable.workshop.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A WorkshopApp with one durable and one worker function, synthesized for dev and for prod (as a solution): the
 * stage's settings reach the template, and every function gets its alarms on the stack's encrypted topic.
 */
class StagesTest {

    static final String CONFIG = """
            {
              "resourcePrefix": "dw-t",
              "stages": {
                "dev": {
                  "logLevel": "DEBUG",
                  "logRetentionDays": 3,
                  "durableFunctions": {"flow": {"executionTimeout": "90m", "retentionDays": 1}},
                  "callbackTimeouts": {"approval": "10m"},
                  "alarms": {"errors": 5, "throttles": 4, "failedExecutions": 3, "timedOutExecutions": 2}
                },
                "prod": {
                  "logLevel": "INFO",
                  "logRetentionDays": 30,
                  "durableFunctions": {"flow": {"executionTimeout": "2d", "retentionDays": 30}},
                  "callbackTimeouts": {"approval": "24h"},
                  "alarms": {"errors": 1, "throttles": 1, "failedExecutions": 1, "timedOutExecutions": 1,
                             "email": "ops@example.com"}
                }
              }
            }""";

    private static Template dev;
    private static Template prod;

    @BeforeAll
    static void synth() {
        Path dir = configDir(CONFIG);
        dev = SynthTester.synth("dev", app -> WorkshopApp.define(app, dir, StagesTest::stack));
        prod = SynthTester.synth(Map.of(WorkshopConfig.STAGE_CONTEXT, "prod", WorkshopApp.TRACK_CONTEXT, "solutions"),
                app -> WorkshopApp.define(app, dir, StagesTest::stack));
    }

    static Path configDir(String config) {
        try {
            Path dir = Files.createTempDirectory("stage-config");
            Files.writeString(dir.resolve("config.json"), config);
            Files.writeString(dir.resolve("tags.json"), "{\"Project\": \"test\"}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stack stack(App app, WorkshopConfig config) {
        Stack stack = new Stack(app, config.resourcePrefix());
        new DurableFunction(stack, "Flow", FunctionSettings.builder()
                .functionName(config.name("flow"))
                .handler("durable.workshop.test.Flow")
                .code(FunctionJar.code(stack, 9))
                .environment("APPROVAL_TIMEOUT_SECONDS",
                        Integer.toString(config.callbackTimeout("approval").toSeconds().intValue()))
                .build(), config.durable("flow", Duration.hours(1)));
        new WorkerFunction(stack, "Worker", FunctionSettings.builder()
                .functionName(config.name("worker"))
                .handler("durable.workshop.test.Worker::handleRequest")
                .code(FunctionJar.code(stack, 9))
                .build());
        return stack;
    }

    @Test
    void stackAndResourceNamesCarryTheStageAndTheSolutionSuffix() {
        for (String name : List.of("dw-t-dev-flow", "dw-t-dev-worker")) {
            dev.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", name));
        }
        for (String name : List.of("dw-t-solution-prod-flow", "dw-t-solution-prod-worker")) {
            prod.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", name));
        }
        dev.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "dw-t-dev-alarms"));
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "dw-t-solution-prod-alarms"));
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Stage", "Value", "dev")))));
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Stage", "Value", "prod")))));
    }

    @Test
    void durableConfigLogLevelAndLogRetentionAreTheStages() {
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "dw-t-dev-flow",
                "DurableConfig", Map.of("ExecutionTimeout", 5400, "RetentionPeriodInDays", 1),
                "Environment", Map.of("Variables", Map.of("APPROVAL_TIMEOUT_SECONDS", "600"))));
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "dw-t-solution-prod-flow",
                "DurableConfig", Map.of("ExecutionTimeout", 172800, "RetentionPeriodInDays", 30),
                "Environment", Map.of("Variables", Map.of("APPROVAL_TIMEOUT_SECONDS", "86400"))));
        for (String fn : List.of("dw-t-dev-flow", "dw-t-dev-worker")) {
            dev.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", fn, "LoggingConfig",
                    Match.objectLike(Map.of("LogFormat", "JSON", "ApplicationLogLevel", "DEBUG",
                            "SystemLogLevel", "INFO"))));
            dev.hasResourceProperties("AWS::Logs::LogGroup",
                    Map.of("LogGroupName", "/aws/lambda/" + fn, "RetentionInDays", 3));
        }
        prod.allResourcesProperties("AWS::Lambda::Function", Map.of("LoggingConfig",
                Match.objectLike(Map.of("ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO"))));
        prod.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void durableFunctionsGetFourAlarmsAndWorkersTwoWithTheStagesThresholds() {
        assertThat(SynthTester.alarmThresholds(dev, functionId(dev, "dw-t-dev-flow"))).containsExactly(
                Map.entry("Errors", 5), Map.entry("Throttles", 4),
                Map.entry("DurableExecutionFailed", 3), Map.entry("DurableExecutionTimedOut", 2));
        assertThat(SynthTester.alarmThresholds(dev, functionId(dev, "dw-t-dev-worker")))
                .containsExactly(Map.entry("Errors", 5), Map.entry("Throttles", 4));
        assertThat(SynthTester.alarmThresholds(prod, functionId(prod, "dw-t-solution-prod-flow"))).containsExactly(
                Map.entry("Errors", 1), Map.entry("Throttles", 1),
                Map.entry("DurableExecutionFailed", 1), Map.entry("DurableExecutionTimedOut", 1));
        dev.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    }

    @Test
    void everyAlarmSumsFiveMinutesFromTheThresholdOnAndNotifiesTheTopicBothWays() {
        String topic = only(dev, "AWS::SNS::Topic");
        dev.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda",
                "Statistic", "Sum",
                "Period", 300,
                "EvaluationPeriods", 1,
                "DatapointsToAlarm", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "TreatMissingData", "notBreaching",
                "AlarmActions", List.of(Map.of("Ref", topic)),
                "OKActions", List.of(Map.of("Ref", topic))));
        dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dw-t-dev-flow-failed-executions", "MetricName", "DurableExecutionFailed"));
        dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dw-t-dev-worker-throttles", "MetricName", "Throttles"));
    }

    @Test
    void topicIsEncryptedWithARotatedKeyCloudWatchMayUse() {
        String key = only(dev, "AWS::KMS::Key");
        dev.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
        dev.hasResource("AWS::KMS::Key", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "EnableKeyRotation", true,
                        "PendingWindowInDays", 7,
                        "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                                "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                                "Resource", "*"))))))),
                "DeletionPolicy", "Delete"));
    }

    @Test
    void topicPolicyRefusesRequestsWithoutTlsAndLetsOnlyThisAccountsAlarmsPublish() {
        String topic = only(dev, "AWS::SNS::Topic");
        Map<String, Object> topicRef = Map.of("Ref", topic);
        Map<String, Object> account = Map.of("Ref", "AWS::AccountId");
        Map<String, Object> alarmArns = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":cloudwatch:", Map.of("Ref", "AWS::Region"), ":", account, ":alarm:*")));
        dev.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(topicRef),
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Sid", "AllowPublishThroughSSLOnly",
                                "Effect", "Deny",
                                "Principal", "*",
                                "Action", "sns:Publish",
                                "Resource", topicRef,
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                        Map.of("Effect", "Allow",
                                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                                "Action", "sns:Publish",
                                "Resource", topicRef,
                                "Condition", Map.of(
                                        "StringEquals", Map.of("aws:SourceAccount", account),
                                        "ArnLike", Map.of("aws:SourceArn", alarmArns)))))));
    }

    @Test
    void onlyAStageWithAnEmailSubscribesIt() {
        dev.resourceCountIs("AWS::SNS::Subscription", 0);
        prod.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "ops@example.com",
                "TopicArn", Map.of("Ref", only(prod, "AWS::SNS::Topic"))));
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(dev, 0);
        SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(prod, 1);
    }

    @Test
    void aConfigWithoutStagesDeploysAsBeforeWithoutAlarms() {
        Path dir = configDir("{\"resourcePrefix\": \"dw-old\", \"logRetentionDays\": 14}");
        Template old = SynthTester.synth(app -> WorkshopApp.define(app, dir, (a, config) -> {
            Stack stack = new Stack(a, config.resourcePrefix());
            new DurableFunction(stack, "Flow", FunctionSettings.builder()
                    .functionName(config.name("flow"))
                    .handler("durable.workshop.test.Flow")
                    .code(FunctionJar.code(stack, 9))
                    .logRetention(config.logRetention())
                    .build(), Duration.hours(1), Duration.days(7));
            return stack;
        }));
        old.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "dw-old-flow",
                "LoggingConfig", Match.objectLike(Map.of("ApplicationLogLevel", Match.absent()))));
        old.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 14));
        old.resourceCountIs("AWS::CloudWatch::Alarm", 0);
        old.resourceCountIs("AWS::SNS::Topic", 0);
        assertThatThrownBy(() -> SynthTester.assertAlarmTopicIsEncryptedAndTlsOnly(old, 0));
    }

    static String functionId(Template template, String name) {
        return SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", name);
    }

    private static String only(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertThat(found).hasSize(1);
        return found.keySet().iterator().next();
    }
}
