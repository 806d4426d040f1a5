package durable.workshop.lesson3.infra;

import durable.workshop.cdk.CallbackSenderPolicy;
import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.FunctionSettings;
import durable.workshop.cdk.TableAccess;
import durable.workshop.cdk.TableSeed;
import durable.workshop.cdk.WorkerFunction;
import durable.workshop.cdk.WorkshopConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.constructs.Construct;

/**
 * Lesson 3 on AWS: the order and product tables (sample products loaded at deploy time), the durable order
 * workflow, the sandbox payment gateway behind an IAM-authenticated function URL with its ledger table, and the
 * managed policy an approver needs to find an order's callback id and answer it. The stage (dev or prod) sets
 * the approval timeout, the execution timeout, the history and log retention, the log level and the alarms.
 */
public final class ApprovalRetryStack extends Stack {

    public static final String PACKAGE = "durable.workshop.lesson3.";
    /** Beyond the approval wait: receiving, reserving, at most 5 charge attempts with backoff, the notice. */
    static final Duration WORK_AFTER_APPROVAL = Duration.hours(1);

    public ApprovalRetryStack(Construct scope, String id, WorkshopConfig config) {
        super(scope, id);
        Code code = FunctionJar.code(this, 3);
        // How long an order waits for an approver: stages.<stage>.callbackTimeouts.approval in config.json.
        Duration approvalTimeout = config.callbackTimeout("approval");
        // ISO-8601, as OrderConfig reads it: PT30M in dev, PT72H in prod.
        String approvalTimeoutIso = java.time.Duration.ofSeconds(approvalTimeout.toSeconds().longValue()).toString();

        Table products = table("Products", config.name("products"), "productId");
        Table orders = table("Orders", config.name("orders"), "orderId");
        new TableSeed(this, "SampleProducts", products, config.name("products"),
                SampleProducts.ALL.stream().map(SampleProducts.Product::item).toList(), config.logRetention());

        // The sandbox gateway: a plain function whose ledger remembers each idempotency key for a day.
        Table ledger = Table.Builder.create(this, "PaymentLedger")
                .tableName(config.name("payment-ledger"))
                .partitionKey(Attribute.builder().name("idempotencyKey").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute("expiresAt")
                .pointInTimeRecoverySpecification(recovery())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        WorkerFunction sandbox = new WorkerFunction(this, "PaymentSandbox", FunctionSettings.builder()
                .functionName(config.name("payment-sandbox"))
                .description("Lesson 3: sandbox payment gateway (first attempt per key 503, honours Idempotency-Key)")
                .handler(PACKAGE + "PaymentSandboxFunction::handleRequest")
                .code(code)
                .timeout(Duration.seconds(10))
                .environment("LEDGER_TABLE", ledger.getTableName())
                .logRetention(config.logRetention())
                .build());
        // PaymentSandbox calls GetItem, a conditional PutItem and a conditional UpdateItem on its ledger.
        TableAccess.grantItemActions(ledger, sandbox.getFunction(),
                TableAccess.GET_ITEM, TableAccess.PUT_ITEM, TableAccess.UPDATE_ITEM);
        // HTTPS endpoint on the alias; AWS_IAM: only SigV4-signed requests of principals allowed to call it.
        FunctionUrl gatewayUrl = sandbox.getAlias().addFunctionUrl(FunctionUrlOptions.builder()
                .authType(FunctionUrlAuthType.AWS_IAM)
                .build());

        DurableFunction workflow = new DurableFunction(this, "OrderWorkflow", FunctionSettings.builder()
                .functionName(config.name("order-workflow"))
                .description("Lesson 3: order workflow with an approval callback and a retried, idempotent payment")
                .handler(PACKAGE + "OrderWorkflow")
                .code(code)
                .environment("ORDERS_TABLE", orders.getTableName())
                .environment("PRODUCTS_TABLE", products.getTableName())
                .environment("PAYMENT_GATEWAY_URL", gatewayUrl.getUrl())
                .environment("APPROVAL_TIMEOUT", approvalTimeoutIso)
                .logRetention(config.logRetention())
                .build(),
                // Execution timeout and history retention of the stage; the timeout is refused if it does not
                // outlast the approval wait plus everything after it.
                config.durable("order-workflow", approvalTimeout.plus(WORK_AFTER_APPROVAL)));
        gatewayUrl.grantInvokeUrl(workflow.getFunction());
        // ProductTable: GetItem to price, UpdateItem to take and put back stock.
        TableAccess.grantItemActions(products, workflow.getFunction(), TableAccess.GET_ITEM, TableAccess.UPDATE_ITEM);
        // OrderTable: GetItem, the conditional PutItem that records the reservation, conditional UpdateItems.
        TableAccess.grantItemActions(orders, workflow.getFunction(),
                TableAccess.GET_ITEM, TableAccess.PUT_ITEM, TableAccess.UPDATE_ITEM);

        // What an approver (a person's role, a tool) is given: the three callback actions on this function only,
        // and GetItem on the order table, where the workflow stored the order's callback id.
        CallbackSenderPolicy approvers = new CallbackSenderPolicy(this, "ApproverPolicy", workflow);
        approvers.policy().addStatements(PolicyStatement.Builder.create()
                .actions(List.of(TableAccess.GET_ITEM))
                .resources(List.of(orders.getTableArn()))
                .build());
        ((CfnManagedPolicy) approvers.policy().getNode().getDefaultChild()).setDescription(
                "Approvers of " + config.name("order-workflow") + ": read an order's callback id, then send"
                        + " callback success, failure or heartbeat to this workflow's executions");

        output("WorkflowFunctionName", workflow.getFunctionName(), "Durable order workflow function name");
        output("WorkflowAliasArn", workflow.getAliasArn(), "Qualified ARN to invoke (alias live)");
        output("WorkflowLogGroupName", workflow.getLogGroup().getLogGroupName(), "Workflow log group");
        output("OrdersTableName", orders.getTableName(), "Order table: status and callback id per order");
        output("ProductsTableName", products.getTableName(), "Product table (prod-001, prod-002, prod-003)");
        output("PaymentGatewayUrl", gatewayUrl.getUrl(), "Sandbox payment gateway (IAM-authenticated function URL)");
        output("PaymentSandboxLogGroupName", sandbox.getLogGroup().getLogGroupName(), "Sandbox gateway log group");
        output("ApproverPolicyArn", approvers.policy().getManagedPolicyArn(),
                "Managed policy for approvers: read an order's callback id, then send callback success, failure"
                        + " or heartbeat to this workflow");
        output("ApprovalTimeout", approvalTimeoutIso, "How long an order waits for approval (ISO-8601)");
    }

    private Table table(String id, String name, String partitionKey) {
        return Table.Builder.create(this, id)
                .tableName(name)
                .partitionKey(Attribute.builder().name(partitionKey).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(recovery())
                // Demo data only, so it goes away with the stack.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /** Point-in-time recovery, as cdk-nag (AwsSolutions-DDB3) asks; for tables this small it costs cents. */
    private static PointInTimeRecoverySpecification recovery() {
        return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
