package durable.workshop.cdk;

import software.constructs.Construct;

/**
 * A plain (not durable) Lambda function with the same conventions: log group, JSON logs, version, alias. The CDK
 * gives its role the managed policy {@value #BASIC_EXECUTION_POLICY}.
 */
public final class WorkerFunction extends WorkshopFunction {

    public static final String BASIC_EXECUTION_POLICY = "service-role/AWSLambdaBasicExecutionRole";

    public WorkerFunction(Construct scope, String id, FunctionSettings settings) {
        super(scope, id, settings, builder -> { });
        Nag.suppress(getRole(), "AwsSolutions-IAM4",
                "AWSLambdaBasicExecutionRole allows only logs:CreateLogGroup, logs:CreateLogStream and"
                        + " logs:PutLogEvents, which Lambda needs to write the function's logs; it is the AWS"
                        + " baseline role policy for a plain Lambda function.",
                managedPolicyFinding(BASIC_EXECUTION_POLICY));
    }
}
