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
        return stack;
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

    private static String logicalIdStartingWith(String type, String prefix) {
        return template.findResources(type).keySet().stream()
                .filter(id -> id.startsWith(prefix)).findFirst().orElseThrow();
    }

}
