package durable.workshop.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Sample items written at deploy time: one BatchWriteItem on create and update, allowed on that table only. */
class TableSeedTest {

    private static final List<Map<String, Object>> ITEMS = List.of(
            Map.of("id", Map.of("S", "a-1"), "count", Map.of("N", "3")),
            Map.of("id", Map.of("S", "b-2"), "count", Map.of("N", "7")));

    private static Template template;
    private static String tableId;

    @BeforeAll
    static void synth() {
        // SynthTester runs cdk-nag: the seed's own resources must pass AwsSolutions with its suppression.
        template = SynthTester.synth(TableSeedTest::define);
        tableId = SynthTester.logicalId(template, "AWS::DynamoDB::Table", "TableName", "test-things");
    }

    private static Stack define(App app) {
        Stack stack = new Stack(app, "TableSeedTest");
        new TableSeed(stack, "Seed", table(stack), "test-things", ITEMS, RetentionDays.ONE_WEEK);
        return stack;
    }

    private static Table table(Stack stack) {
        return Table.Builder.create(stack, "Things")
                .tableName("test-things")
                .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTheItemsOnCreateAndAgainOnUpdate() throws Exception {
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) (Map<?, ?>)
                template.findResources("Custom::AWS");
        assertThat(resources).hasSize(1);
        Map<String, Object> resource = resources.values().iterator().next();
        Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
        JsonNode create = new ObjectMapper().readTree((String) props.get("Create"));
        assertThat(create.get("service").asText()).isEqualTo("DynamoDB");
        assertThat(create.get("action").asText()).isEqualTo("batchWriteItem");
        JsonNode puts = create.at("/parameters/RequestItems/test-things");
        assertThat(puts).hasSize(2);
        assertThat(puts.get(0).at("/PutRequest/Item/id/S").asText()).isEqualTo("a-1");
        assertThat(puts.get(1).at("/PutRequest/Item/count/N").asText()).isEqualTo("7");
        assertThat(props.get("Update")).as("changed items are written again").isEqualTo(props.get("Create"));
        assertThat((List<String>) resource.get("DependsOn")).as("the table exists first").contains(tableId);
    }

    @Test
    void mayOnlyBatchWriteThatTable() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", "dynamodb:BatchWriteItem",
                        "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn")))))));
    }

    @Test
    void logsToAGroupThatGoesAwayWithTheStack() {
        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 7),
                "DeletionPolicy", "Delete"));
    }

    @Test
    void refusesMoreItemsThanOneCallTakes() {
        List<Map<String, Object>> tooMany = Collections.nCopies(TableSeed.MAX_ITEMS + 1, ITEMS.get(0));
        assertThatThrownBy(() -> SynthTester.synth(app -> {
            Stack stack = new Stack(app, "TooMany");
            new TableSeed(stack, "Seed", table(stack), "test-things", tooMany, RetentionDays.ONE_WEEK);
            return stack;
        })).isInstanceOf(InfraException.class).hasMessageContaining("1 to 25").hasMessageContaining("26");
        assertThatThrownBy(() -> SynthTester.synth(app -> {
            Stack stack = new Stack(app, "None");
            new TableSeed(stack, "Seed", table(stack), "test-things", List.of(), RetentionDays.ONE_WEEK);
            return stack;
        })).isInstanceOf(InfraException.class).hasMessageContaining("got 0");
    }
}
