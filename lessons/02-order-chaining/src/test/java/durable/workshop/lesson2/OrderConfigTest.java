package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the orchestrator's settings from its environment (not an exercise). */
class OrderConfigTest {

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(OrderConfig.PAYMENT_FUNCTION, TestConfig.PAYMENT);
        env.put(OrderConfig.INVENTORY_FUNCTION, TestConfig.INVENTORY);
        env.put(OrderConfig.FULFILLMENT_FUNCTION, TestConfig.FULFILLMENT);
        env.put(OrderConfig.CATALOG_TABLE, "ProductCatalog");
        return env;
    }

    @Test
    void readsTheFourSettings() {
        assertThat(OrderConfig.fromEnvironment(environment())).isEqualTo(TestConfig.CONFIG);
    }

    @Test
    void aMissingSettingIsNamed() {
        Map<String, String> env = environment();
        env.remove(OrderConfig.INVENTORY_FUNCTION);

        assertThatThrownBy(() -> OrderConfig.fromEnvironment(env))
                .hasMessageStartingWith("INVENTORY_FUNCTION is not set");
    }

    @Test
    void anUnqualifiedWorkerIsRejected() {
        Map<String, String> env = environment();
        env.put(OrderConfig.PAYMENT_FUNCTION, "arn:aws:lambda:us-east-1:123456789012:function:order-chaining-payment");

        assertThatThrownBy(() -> OrderConfig.fromEnvironment(env))
                .hasMessageStartingWith("PAYMENT_FUNCTION is 'arn:")
                .hasMessageContaining("alias");
    }

    @Test
    void qualifiedMeansAVersionOrAliasAfterTheName() {
        assertThat(OrderConfig.isQualified("order-chaining-payment:live")).isTrue();
        assertThat(OrderConfig.isQualified("arn:aws:lambda:us-east-1:123456789012:function:payment:7")).isTrue();
        assertThat(OrderConfig.isQualified("order-chaining-payment")).isFalse();
        assertThat(OrderConfig.isQualified("arn:aws:lambda:us-east-1:123456789012:function:payment")).isFalse();
    }
}
