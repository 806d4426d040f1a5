package durable.workshop.cdk;

import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * Least-privilege item access to one DynamoDB table. Narrower than the CDK's grantReadData/grantReadWriteData,
 * which also allow Scan and stream reads that no workshop function needs.
 */
public final class TableAccess {

    /** Read items: single, batched and by key condition, plus DescribeTable for clear "table not found" errors. */
    public static final List<String> READ_ITEMS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:DescribeTable");

    /** Read items and write them one by one (conditional writes included; transactions use these actions too). */
    public static final List<String> READ_WRITE_ITEMS = Stream.concat(READ_ITEMS.stream(), Stream.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"))
            .toList();

    private TableAccess() {
    }

    public static Grant grantReadItems(ITable table, IGrantable grantee) {
        return table.grant(grantee, READ_ITEMS.toArray(String[]::new));
    }

    public static Grant grantReadWriteItems(ITable table, IGrantable grantee) {
        return table.grant(grantee, READ_WRITE_ITEMS.toArray(String[]::new));
    }
}
