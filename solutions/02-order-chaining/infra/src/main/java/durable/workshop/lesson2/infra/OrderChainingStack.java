package durable.workshop.lesson2.infra;

import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.FunctionSettings;
import durable.workshop.cdk.TableAccess;
import durable.workshop.cdk.TableSeed;
import durable.workshop.cdk.WorkerFunction;
import durable.workshop.cdk.WorkshopConfig;
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
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * Lesson 2 on AWS: the ProductCatalog table with its sample products, the durable order orchestrator and the
 * three plain worker functions it calls with durable {@code invoke}, each through its alias {@code live}. The
 * stage (dev or prod) sets the execution timeout, the history and log retention, the log level and the alarms.
 */
public final class OrderChainingStack extends Stack {

    public static final String PACKAGE = "durable.workshop.lesson2.";

    public OrderChainingStack(Construct scope, String id, WorkshopConfig config) {
        super(scope, id);
        Code code = FunctionJar.code(this, 2);

        // Prices and stock live here, never in the order. Demo data only, so it goes away with the stack.
        String tableName = config.name("product-catalog");
        Table catalog = Table.Builder.create(this, "ProductCatalog")
                .tableName(tableName)
                .partitionKey(Attribute.builder().name("productId").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                // Point-in-time recovery, as cdk-nag (AwsSolutions-DDB3) asks; for a table this small it costs cents.
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        new TableSeed(this, "SampleProducts", catalog, tableName,
                SampleProducts.ALL.stream().map(SampleProducts.Product::item).toList(), config.logRetention());

        WorkerFunction payment = worker("PaymentWorker", config.name("payment"), "authorizes and voids payments",
                code, config, Map.of());
        WorkerFunction inventory = worker("InventoryWorker", config.name("inventory"),
                "reserves stock with conditional writes", code, config, Map.of("CATALOG_TABLE", tableName));
        WorkerFunction fulfillment = worker("FulfillmentWorker", config.name("fulfillment"),
                "creates the shipment and tracking number", code, config, Map.of());

        DurableFunction orchestrator = new DurableFunction(this, "OrderOrchestrator", FunctionSettings.builder()
                .functionName(config.name("order-orchestrator"))
                .description("Lesson 2: validates, prices and processes an order by invoking the workers")
                .handler(PACKAGE + "OrderOrchestrator")
                .code(code)
                .environment("CATALOG_TABLE", tableName)
                // Qualified alias ARNs: durable invoke needs a qualified target, and the alias pins the code.
                .environment("PAYMENT_FUNCTION", payment.getAliasArn())
                .environment("INVENTORY_FUNCTION", inventory.getAliasArn())
                .environment("FULFILLMENT_FUNCTION", fulfillment.getAliasArn())
                .logRetention(config.logRetention())
                .build(),
                // Execution timeout and history retention of the stage (config/config.json); the timeout must
                // cover the whole order: three worker calls of up to 30 s each, with the SDK's step retries.
                config.durable("order-orchestrator", Duration.minutes(15)));
        // The table name is a plain string in the environment, so say explicitly that the table comes first.
        orchestrator.getNode().addDependency(catalog);

        // The orchestrator may call exactly the three worker aliases, and read prices with GetItem
        // (ProductCatalog.find), the one DynamoDB call it makes.
        orchestrator.grantInvokeAlias(payment.getAlias());
        orchestrator.grantInvokeAlias(inventory.getAlias());
        orchestrator.grantInvokeAlias(fulfillment.getAlias());
        TableAccess.grantItemActions(catalog, orchestrator.getFunction(), TableAccess.GET_ITEM);
        // InventoryWorker reads stock and reservations (GetItem), takes and puts back stock with conditional
        // UpdateItem and records the reservation with a conditional PutItem: exactly those three calls.
        TableAccess.grantItemActions(catalog, inventory.getFunction(),
                TableAccess.GET_ITEM, TableAccess.UPDATE_ITEM, TableAccess.PUT_ITEM);

        output("CatalogTableName", catalog.getTableName(), "ProductCatalog table (LAPTOP-001, MOUSE-001, KEYBOARD-001)");
        output("OrchestratorFunctionName", orchestrator.getFunctionName(), "Durable orchestrator function name");
        output("OrchestratorAliasArn", orchestrator.getAliasArn(), "Qualified ARN to invoke (alias live)");
        output("OrchestratorLogGroupName", orchestrator.getLogGroup().getLogGroupName(), "Orchestrator log group");
        output("PaymentAliasArn", payment.getAliasArn(), "Payment worker alias");
        output("InventoryAliasArn", inventory.getAliasArn(), "Inventory worker alias");
        output("FulfillmentAliasArn", fulfillment.getAliasArn(), "Fulfillment worker alias");
    }

    private WorkerFunction worker(String className, String functionName, String what, Code code,
                                  WorkshopConfig config, Map<String, String> environment) {
        return new WorkerFunction(this, className, FunctionSettings.builder()
                .functionName(functionName)
                .description("Lesson 2 worker: " + what)
                .handler(PACKAGE + className + "::handleRequest")
                .code(code)
                .timeout(Duration.seconds(30))
                .environment(environment)
                .logRetention(config.logRetention())
                .build());
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
