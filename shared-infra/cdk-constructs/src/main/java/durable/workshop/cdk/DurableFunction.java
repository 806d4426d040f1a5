package durable.workshop.cdk;

import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.DurableConfig;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A durable Lambda function: a {@link WorkshopFunction} with {@code DurableConfig} (execution timeout and how
 * long the execution history is kept). Because the CDK creates the role and durableConfig is set, the CDK puts
 * the managed policy {@value #DURABLE_POLICY} (checkpoint and state read) on it.
 */
public final class DurableFunction extends WorkshopFunction {

    public static final String DURABLE_POLICY = "service-role/AWSLambdaBasicDurableExecutionRolePolicy";

    /** What a callback sender may do, and nothing more. */
    public static final List<String> CALLBACK_ACTIONS = List.of(
            "lambda:SendDurableExecutionCallbackSuccess",
            "lambda:SendDurableExecutionCallbackFailure",
            "lambda:SendDurableExecutionCallbackHeartbeat");

    /**
     * The durable execution outcomes that need someone to look, as Lambda publishes them in the {@code AWS/Lambda}
     * namespace. The names are those of "Monitoring durable functions" in the Lambda Developer Guide
     * (docs.aws.amazon.com/lambda/latest/dg/durable-monitoring.html, table "Durable execution metrics": also
     * DurableExecutionStarted, -Succeeded, -Stopped, -Duration, ...); its section on CloudWatch alarms recommends
     * alarms on these two. That page gives no dimensions of its own; like Lambda's other function metrics they are
     * read per function with the {@code FunctionName} dimension, which covers all versions and aliases
     * (docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics.html, the dimensions for function metrics).
     */
    public static final String EXECUTIONS_FAILED_METRIC = "DurableExecutionFailed";
    public static final String EXECUTIONS_TIMED_OUT_METRIC = "DurableExecutionTimedOut";

    /**
     * A durable function whose execution timeout and retention come from the stage's config, for example
     * {@code config.durable("polling", Duration.hours(1))}.
     */
    public DurableFunction(Construct scope, String id, FunctionSettings settings, DurableSettings durable) {
        this(scope, id, settings, durable.executionTimeout(), durable.retention());
    }

    /**
     * @param executionTimeout how long one durable execution may run in total (1 second to 366 days)
     * @param retention        how long Lambda keeps the finished execution's history (1 to 90 days)
     */
    public DurableFunction(Construct scope, String id, FunctionSettings settings,
                           Duration executionTimeout, Duration retention) {
        super(scope, id, settings, builder -> builder.durableConfig(DurableConfig.builder()
                .executionTimeout(executionTimeout)
                .retentionPeriod(retention)
                .build()));
        Nag.suppress(getRole(), "AwsSolutions-IAM4",
                "AWSLambdaBasicDurableExecutionRolePolicy allows only logs:CreateLogGroup, logs:CreateLogStream,"
                        + " logs:PutLogEvents, lambda:CheckpointDurableExecution and lambda:GetDurableExecutionState:"
                        + " the function's logs plus the calls the durable SDK makes to checkpoint and replay. The"
                        + " CDK attaches it to the role it creates for a durable function.",
                managedPolicyFinding(DURABLE_POLICY));
        // The CDK notes that making an existing function durable replaces it; ours are durable from the start.
        Annotations.of(getFunction()).acknowledgeInfo("aws-lambda:Function.DurableConfig",
                "Workshop functions are durable from their first deployment.");
    }

    /**
     * Lets {@code grantee} complete, fail or heartbeat callbacks of this function's executions: the three
     * callback actions on {@code <function arn>:*}. An execution's ARN is
     * {@code <function arn>:<version>/durable-execution/...}, so the wildcard covers the executions of this one
     * function's versions only.
     */
    public Grant grantCallbackSender(IGrantable grantee) {
        String versionsArn = getFunction().getFunctionArn() + ":*";
        Grant grant = Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(CALLBACK_ACTIONS)
                .resourceArns(List.of(versionsArn))
                .build());
        if (grantee.getGrantPrincipal() instanceof IConstruct principal) {
            String logicalId = (String) Stack.of(this).resolve(
                    ((CfnResource) getFunction().getNode().getDefaultChild()).getLogicalId());
            Nag.suppress(principal, "AwsSolutions-IAM5",
                    "Callbacks belong to durable executions, whose ARNs extend a version ARN of the function;"
                            + " \":*\" matches only the executions of this one function's versions, and only the"
                            + " three callback actions are allowed.",
                    "Resource::<" + logicalId + ".Arn>:*");
        }
        return grant;
    }
}
