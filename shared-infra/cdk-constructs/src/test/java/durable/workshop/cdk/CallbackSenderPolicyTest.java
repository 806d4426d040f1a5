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
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.User;

/** The approver's policy: three callback actions on one function's executions, attached where it is granted. */
class CallbackSenderPolicyTest {

    private static Template template;
    private static String functionId;

    @BeforeAll
    static void synth() {
        template = SynthTester.synth(CallbackSenderPolicyTest::define);
        functionId = SynthTester.logicalId(template, "AWS::Lambda::Function", "FunctionName", "test-approval");
    }

    private static Stack define(App app) {
        Stack stack = new Stack(app, "CallbackSenderPolicyTest");
        DurableFunction workflow = new DurableFunction(stack, "Workflow", FunctionSettings.builder()
                .functionName("test-approval")
                .handler("durable.workshop.test.Handler")
                .code(FunctionJar.code(stack, 9))
                .build(), Duration.hours(2), Duration.days(3));
        CallbackSenderPolicy approvers = new CallbackSenderPolicy(stack, "Approvers", workflow);
        approvers.grant(Role.Builder.create(stack, "ApproverRole").assumedBy(new AccountRootPrincipal()).build());
        approvers.grant(User.Builder.create(stack, "ApproverUser").build());
        return stack;
    }

    @Test
    void allowsOnlyTheThreeCallbackActionsOnTheFunctionsExecutions() {
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", DurableFunction.CALLBACK_ACTIONS,
                        "Resource", Map.of("Fn::Join", List.of("", List.of(
                                Map.of("Fn::GetAtt", List.of(functionId, "Arn")), ":*"))))))));
    }

    @Test
    void namesTheRoleAndTheUserItWasGrantedTo() {
        String policyId = template.findResources("AWS::IAM::ManagedPolicy").keySet().iterator().next();
        // The policy lists its roles and users, so the role does not depend on the function's ARN: a function
        // that the durable function invokes can send its callbacks without a dependency cycle.
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^ApproverRole.*"))),
                "Users", List.of(Map.of("Ref", Match.stringLikeRegexp("^ApproverUser.*")))));
        assertThat(policyId).startsWith("Approvers");
    }

    @Test
    void refusesAPrincipalThatHoldsNoPolicy() {
        App app = new App(software.amazon.awscdk.AppProps.builder()
                .context(Map.of(FunctionJar.CONTEXT_KEY, SynthTester.placeholderJar().toString())).build());
        Stack stack = new Stack(app, "Refused");
        DurableFunction workflow = new DurableFunction(stack, "Workflow", FunctionSettings.builder()
                .functionName("test-refused")
                .handler("durable.workshop.test.Handler")
                .code(FunctionJar.code(stack, 9))
                .build(), Duration.hours(1), Duration.days(1));
        CallbackSenderPolicy approvers = new CallbackSenderPolicy(stack, "Approvers", workflow);
        assertThatThrownBy(() -> approvers.grant(new ServicePrincipal("events.amazonaws.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role or a user");
    }
}
