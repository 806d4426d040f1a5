package durable.workshop.lesson4.infra;

import durable.workshop.cdk.CallbackSenderPolicy;
import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.FunctionSettings;
import durable.workshop.cdk.Nag;
import durable.workshop.cdk.TableAccess;
import durable.workshop.cdk.WorkerFunction;
import durable.workshop.cdk.WorkshopConfig;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Lesson 4 on AWS: the progress table, the durable loan workflow, the fraud-check function it starts, and the API
 * function behind an HTTP API ({@code POST /apply}, {@code GET /status/{id}}, {@code POST /approve} with IAM
 * authorization). Every function is called through its alias {@code live}.
 */
public final class LoanApprovalStack extends Stack {

    public static final String PACKAGE = "durable.workshop.lesson4.";
    /** The HTTP API's steady request rate and burst, for every route together. */
    public static final int RATE_LIMIT = 10;
    public static final int BURST_LIMIT = 20;

    public LoanApprovalStack(Construct scope, String id, WorkshopConfig config) {
        super(scope, id);
        Code code = FunctionJar.code(this, 4);

        // Progress for the status API: one item per application. Demo data, so it goes away with the stack.
        String tableName = config.name("progress");
        Table progress = Table.Builder.create(this, "ProgressTable")
                .tableName(tableName)
                .partitionKey(Attribute.builder().name("applicationId").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                // Point-in-time recovery, as cdk-nag (AwsSolutions-DDB3) asks; for a table this small it costs cents.
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        WorkerFunction fraudCheck = new WorkerFunction(this, "FraudCheckFunction", FunctionSettings.builder()
                .functionName(config.name("fraud-check"))
                .description("Lesson 4: external fraud check, answers the workflow's callback")
                .handler(PACKAGE + "FraudCheckFunction::handleRequest")
                .code(code)
                .timeout(Duration.seconds(30))
                .logRetention(config.logRetention())
                .build());

        Duration approvalTimeout = config.callbackTimeout("manager-approval");
        Duration fraudCheckTimeout = config.callbackTimeout("fraud-check");
        DurableFunction workflow = new DurableFunction(this, "LoanWorkflow", FunctionSettings.builder()
                .functionName(config.name("loan-workflow"))
                .description("Lesson 4: decides a loan application (credit checks, approval, fraud check)")
                .handler(PACKAGE + "LoanWorkflow")
                .code(code)
                .environment("PROGRESS_TABLE", tableName)
                // A qualified alias ARN: the execution keeps calling the fraud-check code it started with.
                .environment("FRAUD_CHECK_FUNCTION", fraudCheck.getAliasArn())
                // The stage's callback timeouts (config/config.json), read once when Lambda creates the handler.
                .environment("APPROVAL_TIMEOUT_SECONDS", seconds(approvalTimeout))
                .environment("FRAUD_CHECK_TIMEOUT_SECONDS", seconds(fraudCheckTimeout))
                .logRetention(config.logRetention())
                .build(),
                // The stage's execution timeout and retention; the timeout must cover both waits in a row, so a
                // manager who never answers ends in a denial, not in a timed-out execution.
                config.durable("loan-workflow", approvalTimeout.plus(fraudCheckTimeout)));
        workflow.getNode().addDependency(progress);

        WorkerFunction api = new WorkerFunction(this, "LoanApi", FunctionSettings.builder()
                .functionName(config.name("api"))
                .description("Lesson 4: POST /apply, GET /status/{id}, POST /approve")
                .handler(PACKAGE + "LoanApi::handleRequest")
                .code(code)
                .timeout(Duration.seconds(15))
                .environment("PROGRESS_TABLE", tableName)
                .environment("WORKFLOW_FUNCTION", workflow.getAliasArn())
                .environment("POWERTOOLS_SERVICE_NAME", config.name("api"))
                .environment("POWERTOOLS_METRICS_NAMESPACE", "DurableWorkshop/LoanApproval")
                .logRetention(config.logRetention())
                .build());
        api.getNode().addDependency(progress);

        // Least privilege. The workflow updates progress (UpdateItem only) and starts the fraud check's alias.
        TableAccess.grantItemActions(progress, workflow.getFunction(), TableAccess.UPDATE_ITEM);
        workflow.grantInvokeAlias(fraudCheck.getAlias());
        // The API reads and updates progress and starts the workflow's alias, nothing else of Lambda but callbacks.
        TableAccess.grantItemActions(progress, api.getFunction(), TableAccess.GET_ITEM, TableAccess.UPDATE_ITEM);
        api.grantInvokeAlias(workflow.getAlias());
        // Both callback senders share one policy: the three callback actions on the workflow's versions only.
        CallbackSenderPolicy senders = new CallbackSenderPolicy(this, "WorkflowCallbackSenders", workflow);
        senders.grant(api.getFunction());
        senders.grant(fraudCheck.getFunction());

        HttpApi httpApi = httpApi(config, api);
        ManagedPolicy approvers = approverPolicy(httpApi);

        output("ApiUrl", httpApi.getApiEndpoint(), "Base URL of the loan API");
        output("ProgressTableName", progress.getTableName(), "Progress table (one item per application)");
        output("WorkflowFunctionName", workflow.getFunctionName(), "Durable loan workflow function name");
        output("WorkflowAliasArn", workflow.getAliasArn(), "Qualified ARN the API invokes (alias live)");
        output("WorkflowLogGroupName", workflow.getLogGroup().getLogGroupName(), "Workflow log group");
        output("ApiLogGroupName", api.getLogGroup().getLogGroupName(), "API function log group");
        output("FraudCheckLogGroupName", fraudCheck.getLogGroup().getLogGroupName(), "Fraud-check log group");
        output("ApproverPolicyArn", approvers.getManagedPolicyArn(),
                "Attach to a manager's role or user: allows only POST /approve");
    }

    /** The HTTP API: CORS for a browser page, throttling, access logs, and IAM authorization on POST /approve. */
    private HttpApi httpApi(WorkshopConfig config, WorkerFunction api) {
        HttpApi httpApi = HttpApi.Builder.create(this, "LoanHttpApi")
                .apiName(config.name("http-api"))
                .description("Lesson 4 loan API")
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(List.of("*"))
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS))
                        // The SigV4 headers, so a browser page can sign POST /approve itself.
                        .allowHeaders(List.of("content-type", "authorization", "x-amz-date",
                                "x-amz-security-token", "x-amz-content-sha256"))
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
        // The alias, not the function: the API always calls the published version.
        HttpLambdaIntegration integration = new HttpLambdaIntegration("LoanApiIntegration", api.getAlias());
        List<HttpRoute> publicRoutes = new java.util.ArrayList<>();
        publicRoutes.addAll(httpApi.addRoutes(route("/apply", HttpMethod.POST, integration, null)));
        publicRoutes.addAll(httpApi.addRoutes(route("/status/{id}", HttpMethod.GET, integration, null)));
        httpApi.addRoutes(route("/approve", HttpMethod.POST, integration, new HttpIamAuthorizer()));
        for (HttpRoute route : publicRoutes) {
            Nag.suppress(route, "AwsSolutions-APIG4",
                    "Applicants use POST /apply and GET /status without an account, like a public application"
                            + " form; both are throttled, validated and change no decision. POST /approve, which"
                            + " does, requires IAM authorization.");
        }

        LogGroup accessLogs = LogGroup.Builder.create(this, "ApiAccessLogs")
                .logGroupName("/aws/apigateway/" + config.name("http-api"))
                .retention(config.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnStage stage = (CfnStage) httpApi.getDefaultStage().getNode().getDefaultChild();
        stage.setDefaultRouteSettings(CfnStage.RouteSettingsProperty.builder()
                .throttlingRateLimit(RATE_LIMIT)
                .throttlingBurstLimit(BURST_LIMIT)
                .build());
        stage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                        + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                        + "\"caller\":\"$context.identity.userArn\",\"latencyMs\":\"$context.responseLatency\"}")
                .build());
        return httpApi;
    }

    private static AddRoutesOptions route(String path, HttpMethod method, HttpLambdaIntegration integration,
                                          IHttpRouteAuthorizer authorizer) {
        AddRoutesOptions.Builder builder = AddRoutesOptions.builder().path(path).methods(List.of(method))
                .integration(integration);
        if (authorizer != null) {
            builder.authorizer(authorizer);
        }
        return builder.build();
    }

    /** What a manager needs to approve: execute-api:Invoke on POST /approve of this API, nothing else. */
    private ManagedPolicy approverPolicy(HttpApi httpApi) {
        return ManagedPolicy.Builder.create(this, "ApproverPolicy")
                .description("Managers: call POST /approve of the lesson 4 loan API")
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("execute-api:Invoke"))
                        .resources(List.of(httpApi.arnForExecuteApi("POST", "/approve", "$default")))
                        .build()))
                .build();
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds().longValue());
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
