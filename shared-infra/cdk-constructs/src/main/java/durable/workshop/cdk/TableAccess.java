package durable.workshop.cdk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * Least-privilege item access to one DynamoDB table: the caller names exactly the DynamoDB actions its function's
 * code calls, and gets those on that table's ARN and nothing else (no index ARNs, no other table). Narrower than
 * the CDK's grantReadData and grantReadWriteData, which add batch reads, Query, Scan, DescribeTable, deletes and
 * more that no workshop function calls.
 */
public final class TableAccess {

    /** {@code DynamoDbClient.getItem}. */
    public static final String GET_ITEM = "dynamodb:GetItem";
    /** {@code DynamoDbClient.putItem} (conditional puts included). */
    public static final String PUT_ITEM = "dynamodb:PutItem";
    /** {@code DynamoDbClient.updateItem} (conditional updates included). */
    public static final String UPDATE_ITEM = "dynamodb:UpdateItem";

    /** One named DynamoDB action: no wildcards, no other service. */
    private static final Pattern ACTION = Pattern.compile("dynamodb:[A-Z][A-Za-z]+");

    private TableAccess() {
    }

    /**
     * Allows {@code grantee} exactly {@code actions} (for example {@link #GET_ITEM}) on {@code table}, in the
     * order given. List the calls the function's code makes, nothing more.
     *
     * @throws IllegalArgumentException when no action is given, one is not a single named DynamoDB action
     *                                  (wildcards are refused), one is listed twice, or the table is encrypted
     *                                  with a customer managed KMS key (that key would need a grant of its own)
     */
    public static Grant grantItemActions(ITable table, IGrantable grantee, String... actions) {
        List<String> checked = checked(actions);
        if (table.getEncryptionKey() != null) {
            throw new IllegalArgumentException("TableAccess grants table actions only; table "
                    + table.getNode().getPath() + " uses a customer managed KMS key, which needs its own grant.");
        }
        Grant grant = Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(checked)
                .resourceArns(List.of(table.getTableArn()))
                .build());
        grant.assertSuccess();  // a grantee without a policy of its own must not end up silently without access
        return grant;
    }

    static List<String> checked(String... actions) {
        if (actions == null || actions.length == 0) {
            throw new IllegalArgumentException("Name the DynamoDB actions the function calls, e.g. "
                    + GET_ITEM + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String action : actions) {
            if (action == null || !ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException("'" + action + "' is not one DynamoDB action such as " + GET_ITEM
                        + " (no wildcards).");
            }
            if (!seen.add(action)) {
                throw new IllegalArgumentException(action + " is listed twice.");
            }
        }
        return List.of(actions);
    }
}
