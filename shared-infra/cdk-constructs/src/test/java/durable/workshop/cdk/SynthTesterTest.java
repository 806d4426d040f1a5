package durable.workshop.cdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.Table;

class SynthTesterTest {

    @Test
    void unsuppressedCdkNagWarningFailsAndIsListed() {
        // No point-in-time recovery: AwsSolutions-DDB3, a warning-level rule, must still fail the synth.
        assertThatThrownBy(() -> SynthTester.synth(app -> {
            Stack stack = new Stack(app, "NagTest");
            Table.Builder.create(stack, "Table")
                    .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            return stack;
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unsuppressed finding")
                .hasMessageContaining("WARNING /NagTest/Table/Resource: AwsSolutions-DDB3");
    }

    @Test
    void suppressionWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> SynthTester.synth(app -> {
            Stack stack = new Stack(app, "NoReason");
            Nag.suppress(stack, "AwsSolutions-IAM5", "because");
            return stack;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AwsSolutions-IAM5");
    }
}
