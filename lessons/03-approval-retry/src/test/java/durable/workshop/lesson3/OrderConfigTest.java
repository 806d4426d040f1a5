package durable.workshop.lesson3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings the CDK app passes: every missing or malformed one is reported by name. */
class OrderConfigTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(OrderConfig.ORDERS_TABLE, "orders");
        env.put(OrderConfig.PRODUCTS_TABLE, "products");
        env.put(OrderConfig.PAYMENT_GATEWAY_URL, "https://abc.lambda-url.ap-northeast-1.on.aws/");
        env.put(OrderConfig.APPROVAL_TIMEOUT, "PT30M");
        return env;
    }

    @Test
    void readsTheSettings() {
        OrderConfig config = OrderConfig.fromEnvironment(env());
        assertThat(config.approvalTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.approvalTimeoutText()).isEqualTo("30 minutes");
        assertThat(config.paymentGatewayUrl().getHost()).isEqualTo("abc.lambda-url.ap-northeast-1.on.aws");
    }

    @Test
    void describesTheTimeoutInWords() {
        assertThat(new OrderConfig("o", "p", null, Duration.ofHours(48)).approvalTimeoutText()).isEqualTo("48 hours");
        assertThat(new OrderConfig("o", "p", null, Duration.ofHours(1)).approvalTimeoutText()).isEqualTo("1 hour");
        assertThat(new OrderConfig("o", "p", null, Duration.ofSeconds(90)).approvalTimeoutText()).isEqualTo("90 seconds");
    }

    @Test
    void namesTheSettingThatIsWrong() {
        for (String name : env().keySet()) {
            Map<String, String> env = env();
            env.remove(name);
            assertThatThrownBy(() -> OrderConfig.fromEnvironment(env)).hasMessageContaining(name + " is not set");
        }
        Map<String, String> http = env();
        http.put(OrderConfig.PAYMENT_GATEWAY_URL, "http://example.com");
        assertThatThrownBy(() -> OrderConfig.fromEnvironment(http)).hasMessageContaining("https://");
        http.put(OrderConfig.PAYMENT_GATEWAY_URL, "http://127.0.0.1.example.com/");
        assertThatThrownBy(() -> OrderConfig.fromEnvironment(http)).hasMessageContaining("https://");
        Map<String, String> local = env();
        local.put(OrderConfig.PAYMENT_GATEWAY_URL, "http://127.0.0.1:41234/");
        assertThat(OrderConfig.fromEnvironment(local).paymentGatewayUrl()).hasToString("http://127.0.0.1:41234/");
        Map<String, String> minutes = env();
        minutes.put(OrderConfig.APPROVAL_TIMEOUT, "30");
        assertThatThrownBy(() -> OrderConfig.fromEnvironment(minutes)).hasMessageContaining("PT30M");
        Map<String, String> zero = env();
        zero.put(OrderConfig.APPROVAL_TIMEOUT, "PT0S");
        assertThatThrownBy(() -> OrderConfig.fromEnvironment(zero)).hasMessageContaining("positive");
    }
}
