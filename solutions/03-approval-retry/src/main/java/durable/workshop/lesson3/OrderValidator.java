package durable.workshop.lesson3;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks an order's fields. Every problem names its field, so the caller knows what to fix. */
public final class OrderValidator {

    /** Order ids become parts of execution names and table keys: letters, digits, '-' and '_'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_QUANTITY = 100;

    private OrderValidator() {
    }

    public static List<String> problems(Order order) {
        List<String> problems = new ArrayList<>();
        if (order == null) {
            problems.add("order: missing (the input must be a JSON object)");
            return problems;
        }
        if (order.orderId() == null || !ID.matcher(order.orderId()).matches()) {
            problems.add("orderId: must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (order.customerId() == null || order.customerId().isBlank()) {
            problems.add("customerId: missing");
        }
        if (order.items() == null || order.items().isEmpty()) {
            problems.add("items: at least one item is required");
            return problems;
        }
        for (int i = 0; i < order.items().size(); i++) {
            Order.Item item = order.items().get(i);
            if (item == null) {
                problems.add("items[" + i + "]: missing");
                continue;
            }
            if (item.productId() == null || item.productId().isBlank()) {
                problems.add("items[" + i + "].productId: missing");
            }
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                problems.add("items[" + i + "].quantity: must be 1 to " + MAX_QUANTITY);
            }
        }
        return problems;
    }
}
