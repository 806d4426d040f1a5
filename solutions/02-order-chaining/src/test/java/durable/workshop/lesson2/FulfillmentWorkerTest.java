package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated shipping service (not an exercise). */
class FulfillmentWorkerTest {

    private final FulfillmentWorker worker = new FulfillmentWorker();
    private final Order order = SeedOrders.load(SeedOrders.SUCCESS);

    private FulfillmentRequest request(String orderId, Order.Address address) {
        return new FulfillmentRequest(orderId, "CUST-001", address, Fixtures.allocatedSuccessOrder().allocations());
    }

    @Test
    void sameOrderSameShipment() {
        FulfillmentResult first = worker.handleRequest(request("ORDER-001", order.shippingAddress()), null);
        FulfillmentResult again = worker.handleRequest(request("ORDER-001", order.shippingAddress()), null);
        FulfillmentResult other = worker.handleRequest(request("ORDER-009", order.shippingAddress()), null);

        assertThat(first).isEqualTo(again);
        assertThat(first.trackingNumber()).matches("EP\\d{12}");
        assertThat(first.shipmentId()).startsWith("SHP-");
        assertThat(other.trackingNumber()).isNotEqualTo(first.trackingNumber());
    }

    @Test
    void badRequestsNameTheField() {
        assertThatThrownBy(() -> worker.handleRequest(request("ORDER-001", null), null))
                .hasMessageStartingWith("shippingAddress:");
        Order.Address noCity = new Order.Address("1 Main St", null, "WA", "98101", "US");
        assertThatThrownBy(() -> worker.handleRequest(request("ORDER-001", noCity), null))
                .hasMessageStartingWith("shippingAddress.city:");
        assertThatThrownBy(() -> worker.handleRequest(
                new FulfillmentRequest("ORDER-001", "CUST-001", order.shippingAddress(), List.of()), null))
                .hasMessageStartingWith("allocations:");
    }
}
