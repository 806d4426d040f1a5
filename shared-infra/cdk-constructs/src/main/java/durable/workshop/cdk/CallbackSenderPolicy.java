package durable.workshop.cdk;

import java.util.List;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * A customer managed policy for whoever answers the callbacks of one durable function: the three callback actions
 * ({@link DurableFunction#CALLBACK_ACTIONS}) on {@code <function arn>:*}, the executions of that function's
 * versions and aliases, and nothing else. Attach it to every sender (an API function, an external worker, a
 * person's role) with {@link #grant}, so all of them share one reviewed statement.
 */
public final class CallbackSenderPolicy extends Construct {

    private final ManagedPolicy policy;

    public CallbackSenderPolicy(Construct scope, String id, DurableFunction function) {
        super(scope, id);
        // An execution's ARN is <function arn>:<version or alias>/durable-execution/...; ":*" covers exactly those.
        policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Send callback results, failures and heartbeats to executions of "
                        + function.getNode().getPath())
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(DurableFunction.CALLBACK_ACTIONS)
                        .resources(List.of(function.getFunction().getFunctionArn() + ":*"))
                        .build()))
                .build();
        String logicalId = (String) Stack.of(this).resolve(
                ((CfnResource) function.getFunction().getNode().getDefaultChild()).getLogicalId());
        Nag.suppress(policy, "AwsSolutions-IAM5",
                "Callbacks belong to durable executions, whose ARNs extend a version or alias ARN of the function;"
                        + " \":*\" matches only the executions of this one function, and only the three callback"
                        + " actions are allowed.",
                "Resource::<" + logicalId + ".Arn>:*");
    }

    public ManagedPolicy policy() {
        return policy;
    }

    /** Attaches the policy to the grantee's role (a function, or a role a person assumes). */
    public void grant(IGrantable grantee) {
        if (!(grantee.getGrantPrincipal() instanceof IRole role)) {
            throw new InfraException("CallbackSenderPolicy can be granted only to an IAM role; "
                    + grantee.getGrantPrincipal() + " is not one.");
        }
        policy.attachToRole(role);
    }
}
