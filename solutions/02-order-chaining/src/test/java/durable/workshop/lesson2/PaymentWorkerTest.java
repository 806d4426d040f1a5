package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The simulated payment gateway (not an exercise). */
class PaymentWorkerTest {

    private final PaymentWorker worker = new PaymentWorker();
    private final Order order = SeedOrders.load(SeedOrders.SUCCESS);

    @Test
    void authorizesWithAnIdThatDependsOnlyOnTheOrder() {
        PaymentResult first = worker.handleRequest(PaymentRequest.authorize(order, new BigDecimal("1359.97")), null);
        PaymentResult again = worker.handleRequest(PaymentRequest.authorize(order, new BigDecimal("1359.97")), null);

        assertThat(first.status()).isEqualTo(PaymentResult.AUTHORIZED);
        assertThat(first.authorizationId()).startsWith("AUTH-").isEqualTo(again.authorizationId());
        assertThat(PaymentWorker.authorizationId("ORDER-002")).isNotEqualTo(first.authorizationId());
    }

    @Test
    void declinesAmountsOverTheLimitAndAcceptsTheLimitItself() {
        PaymentResult declined = worker.handleRequest(PaymentRequest.authorize(order, new BigDecimal("12999.90")), null);
        PaymentResult atLimit = worker.handleRequest(PaymentRequest.authorize(order, new BigDecimal("10000.00")), null);

        assertThat(declined.status()).isEqualTo(PaymentResult.DECLINED);
        assertThat(declined.authorizationId()).isNull();
        assertThat(declined.reason()).contains("12999.90").contains("10000.00");
        assertThat(atLimit.status()).isEqualTo(PaymentResult.AUTHORIZED);
    }

    @Test
    void releasesItsOwnAuthorizationOnly() {
        String id = PaymentWorker.authorizationId("ORDER-001");

        PaymentResult released = worker.handleRequest(PaymentRequest.release("ORDER-001", id), null);

        assertThat(released.status()).isEqualTo(PaymentResult.RELEASED);
        assertThat(released.authorizationId()).isEqualTo(id);
        assertThatThrownBy(() -> worker.handleRequest(PaymentRequest.release("ORDER-002", id), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorizationId");
    }

    @Test
    void badRequestsNameTheField() {
        assertThatThrownBy(() -> worker.handleRequest(PaymentRequest.authorize(order, null), null))
                .hasMessageStartingWith("amount:");
        assertThatThrownBy(() -> worker.handleRequest(
                new PaymentRequest("REFUND", "ORDER-001", null, null, null, null, null), null))
                .hasMessageStartingWith("action:");
        Order noToken = new Order("ORDER-001", "CUST-001", order.items(), order.shippingAddress(),
                order.billingAddress(), new Order.PaymentMethod("credit", "Visa", ""));
        assertThatThrownBy(() -> worker.handleRequest(PaymentRequest.authorize(noToken, BigDecimal.TEN), null))
                .hasMessageStartingWith("paymentMethod.cardToken:");
    }
}
