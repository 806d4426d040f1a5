package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation rules themselves (not an exercise: exercise 2.1 is running them in a step). */
class OrderValidatorTest {

    private final Order seed = SeedOrders.load(SeedOrders.SUCCESS);

    private Order withItems(List<Order.Item> items) {
        return new Order(seed.orderId(), seed.customerId(), items, seed.shippingAddress(), seed.billingAddress(),
                seed.paymentMethod());
    }

    @Test
    void theThreeScenarioOrdersThatReachPaymentAreValid() {
        assertThat(OrderValidator.check(seed).problems()).isEmpty();
        assertThat(OrderValidator.check(SeedOrders.load(SeedOrders.PAYMENT_DECLINED)).valid()).isTrue();
        assertThat(OrderValidator.check(SeedOrders.load(SeedOrders.INSUFFICIENT_INVENTORY)).valid()).isTrue();
    }

    @Test
    void noItemsIsOneProblemOnTheItemsField() {
        assertThat(OrderValidator.check(SeedOrders.load(SeedOrders.NO_ITEMS)).problems())
                .singleElement().asString().startsWith("items:");
        assertThat(OrderValidator.check(withItems(null)).problems()).singleElement().asString().startsWith("items:");
    }

    @Test
    void quantitiesMustBeFromOneToTheMaximum() {
        List<String> problems = OrderValidator.check(withItems(List.of(
                new Order.Item("LAPTOP-001", 0),
                new Order.Item("MOUSE-001", OrderValidator.MAX_QUANTITY + 1),
                new Order.Item("KEYBOARD-001", null)))).problems();

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("items[0].quantity:");
        assertThat(problems.get(1)).startsWith("items[1].quantity:");
        assertThat(problems.get(2)).startsWith("items[2].quantity:");
    }

    @Test
    void productIdsMustBeWellFormedAndListedOnce() {
        List<String> problems = OrderValidator.check(withItems(List.of(
                new Order.Item("MOUSE-001", 1),
                new Order.Item("MOUSE-001", 1),
                new Order.Item("reservation#ORDER-001", 1),
                new Order.Item(null, 1)))).problems();

        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("items[1].productId", "items[2].productId", "items[3].productId");
    }

    @Test
    void addressesAndPaymentNameTheirFields() {
        Order order = new Order(" ", null, seed.items(), new Order.Address("", "Seattle", "WA", null, "US"), null,
                new Order.PaymentMethod("cash", null, "tok"));

        assertThat(OrderValidator.check(order).problems()).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("orderId", "customerId", "shippingAddress.line1", "shippingAddress.postalCode",
                        "billingAddress", "paymentMethod.type", "paymentMethod.cardBrand");
    }

    @Test
    void anEmptyRequestIsReportedToo() {
        assertThat(OrderValidator.check(null).problems()).singleElement().asString().startsWith("order:");
    }
}
