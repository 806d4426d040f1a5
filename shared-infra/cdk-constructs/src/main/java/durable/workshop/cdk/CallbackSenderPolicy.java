package durable.workshop.cdk;

import java.util.List;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.IUser;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * A customer managed policy for whoever answers a durable function's callbacks (an approver, a tool, another
 * function): only {@link DurableFunction#CALLBACK_ACTIONS} (success, failure, heartbeat), only on the durable
 * executions of this one function. A durable execution's ARN extends a version ARN of the function
 * ({@code <function arn>:<version>/durable-execution/<name>/<id>}), so the resource is {@code <function arn>:*}:
 * every version's executions, nothing of any other function. An alias never appears in an execution ARN.
 *
 * <pre>{@code
 * CallbackSenderPolicy approvers = new CallbackSenderPolicy(this, "Approvers", workflow);
 * approvers.grant(approverRole);
 * }</pre>
 */
public final class CallbackSenderPolicy extends Construct {

    private final ManagedPolicy policy;
    private final PolicyStatement statement;

    public CallbackSenderPolicy(Construct scope, String id, DurableFunction function) {
        super(scope, id);
        String executionsArn = function.getFunction().getFunctionArn() + ":*";
        statement = PolicyStatement.Builder.create()
                .actions(DurableFunction.CALLBACK_ACTIONS)
                .resources(List.of(executionsArn))
                .build();
        policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Send callback success, failure or heartbeat to durable executions of one function")
                .statements(List.of(statement))
                .build();
        String logicalId = (String) Stack.of(this).resolve(
                ((CfnResource) function.getFunction().getNode().getDefaultChild()).getLogicalId());
        Nag.suppress(policy, "AwsSolutions-IAM5",
                "Callbacks belong to durable executions, whose ARNs extend a version ARN of the function;"
                        + " \":*\" matches only the executions of this one function's versions, and only the"
                        + " three callback actions are allowed.",
                "Resource::<" + logicalId + ".Arn>:*");
    }

    /** The managed policy, to attach elsewhere or to output its ARN. */
    public ManagedPolicy policy() {
        return policy;
    }

    /**
     * Gives {@code grantee} the policy: attached to a role or a user; any other principal (a function's role is a
     * role) gets the same statement in its own policy.
     *
     * @throws IllegalArgumentException when the principal can hold no policy (for example a service principal)
     */
    public void grant(IGrantable grantee) {
        IPrincipal principal = grantee.getGrantPrincipal();
        // The policy names its roles and users (not the reverse), so a sender that the function itself calls,
        // such as a worker started by the submitter, does not make a dependency cycle.
        if (principal instanceof IRole role) {
            policy.attachToRole(role);
        } else if (principal instanceof IUser user) {
            policy.attachToUser(user);
        } else if (!principal.addToPrincipalPolicy(statement).getStatementAdded()) {
            throw new IllegalArgumentException("The callback sender policy cannot be given to " + principal
                    + ": it has no identity policy of its own; use a role or a user.");
        }
    }
}
