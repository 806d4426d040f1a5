package durable.workshop.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Sample items written into a table at deploy time: one {@code BatchWriteItem} call when the stack is created
 * and again when the items change, run by the CDK's SDK-call function with permission for exactly that call on
 * that table, and logging to a log group that goes away with the stack.
 */
public final class TableSeed extends Construct {

    /** The most items one BatchWriteItem call takes. */
    public static final int MAX_ITEMS = 25;
    /** Construct id of the CDK's shared function behind AwsCustomResource, one per stack. */
    private static final String SDK_CALL_FUNCTION_ID = "AWS679f53fac002430cb0da5b7982bd2287";

    /**
     * @param tableName the table's literal name (the call names its table in plain text, so no token)
     * @param items     the items in DynamoDB's attribute-value form, as BatchWriteItem takes them
     */
    public TableSeed(Construct scope, String id, ITable table, String tableName, List<Map<String, Object>> items,
                     RetentionDays logRetention) {
        super(scope, id);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InfraException("TableSeed " + id + ": items must hold 1 to " + MAX_ITEMS
                    + " items (one BatchWriteItem call), got " + items.size());
        }
        List<Map<String, Object>> puts = items.stream()
                .map(item -> Map.<String, Object>of("PutRequest", Map.of("Item", item)))
                .toList();
        AwsSdkCall batchWrite = AwsSdkCall.builder()
                .service("DynamoDB")
                .action("batchWriteItem")
                .parameters(Map.of("RequestItems", Map.of(tableName, puts)))
                .physicalResourceId(PhysicalResourceId.of(tableName + "-sample-items"))
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(logRetention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        AwsCustomResource write = AwsCustomResource.Builder.create(this, "Write")
                .onCreate(batchWrite)
                .onUpdate(batchWrite)
                .installLatestAwsSdk(false)
                .logGroup(logs)
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("dynamodb:BatchWriteItem"))
                        .resources(List.of(table.getTableArn()))
                        .build())))
                .build();
        write.getNode().addDependency(table);

        // The CDK runs such SDK calls in one shared Lambda function per stack, found under this fixed id.
        IConstruct sdkCallFunction = Stack.of(this).getNode().findChild(SDK_CALL_FUNCTION_ID);
        Nag.suppress(sdkCallFunction, "AwsSolutions-IAM4",
                "The CDK's function that writes sample items at deploy time has AWSLambdaBasicExecutionRole,"
                        + " which allows only the CloudWatch Logs writes a Lambda function needs for its logs; its"
                        + " one other permission is BatchWriteItem on the seeded table.",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    }
}
