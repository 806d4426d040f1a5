package durable.workshop.lesson1.infra;

import durable.workshop.cdk.DurableFunction;
import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.FunctionSettings;
import durable.workshop.cdk.TableAccess;
import durable.workshop.cdk.WorkshopConfig;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * Lesson 1 on AWS: a table holding the item the function waits for, and the durable function that polls it
 * every 5 minutes for up to one hour. While it waits, nothing runs and nothing is billed for compute. The stage
 * (dev or prod) sets the execution timeout, the history and log retention, the log level and the alarms.
 */
public final class PollingStack extends Stack {

    public static final String HANDLER = "durable.workshop.lesson1.PollingHandler";

    public PollingStack(Construct scope, String id, WorkshopConfig config) {
        super(scope, id);

        // On-demand: a workshop table costs nothing while idle. Removed with the stack; it holds demo data only.
        Table table = Table.Builder.create(this, "Items")
                .tableName(config.name("items"))
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                // Point-in-time recovery, as cdk-nag (AwsSolutions-DDB3) asks; for a table this small it costs cents.
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        DurableFunction polling = new DurableFunction(this, "Polling", FunctionSettings.builder()
                .functionName(config.name("polling"))
                .description("Lesson 1: waits until the item's value is completed, checking every 5 minutes")
                .handler(HANDLER)
                .code(FunctionJar.code(this, 1))
                .environment("TABLE_NAME", table.getTableName())
                .logRetention(config.logRetention())
                .build(),
                // Execution timeout and history retention of the stage (config/config.json); the timeout must
                // cover the whole wait: 12 polls 5 minutes apart, the last at minute 55.
                config.durable("polling", Duration.hours(1)));

        // Least privilege: PollingHandler makes one call, GetItem, so that is all it may do, on this one table.
        TableAccess.grantItemActions(table, polling.getFunction(), TableAccess.GET_ITEM);

        output("TableName", table.getTableName(), "DynamoDB table the function polls (item pk = test-item)");
        output("FunctionName", polling.getFunctionName(), "Durable function name");
        output("AliasArn", polling.getAliasArn(), "Qualified ARN to invoke (alias live)");
        output("LogGroupName", polling.getLogGroup().getLogGroupName(), "CloudWatch log group of the function");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
