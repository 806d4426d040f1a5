package durable.workshop.lesson3;

import java.math.BigDecimal;
import java.util.List;

/**
 * The order as the receive-order step accepted it: every line priced from the product table, or the list of
 * problems (each naming its field) that made it invalid. Small on purpose: it is checkpointed.
 */
public record PricedOrder(String orderId, String customerId, List<Line> lines, BigDecimal amount,
                          List<String> problems) {

    /** Every amount in this lesson is in yen. */
    public static final String CURRENCY = "JPY";

    /** One priced line: the unit price is the product table's. */
    public record Line(String productId, String name, int quantity, BigDecimal unitPrice) {
    }

    public static PricedOrder priced(Order order, List<Line> lines) {
        BigDecimal amount = lines.stream()
                .map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PricedOrder(order.orderId(), order.customerId(), List.copyOf(lines), amount, List.of());
    }

    public static PricedOrder invalid(Order order, List<String> problems) {
        return new PricedOrder(order == null ? null : order.orderId(), order == null ? null : order.customerId(),
                List.of(), BigDecimal.ZERO, List.copyOf(problems));
    }

    public boolean valid() {
        return problems == null || problems.isEmpty();
    }
}
