package durable.workshop.lesson2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules an order must pass before anything is priced or charged. Pure code: no I/O, no clock. */
public final class OrderValidator {

    /** The most of one product a single order may ask for. */
    public static final int MAX_QUANTITY = 100;

    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Set<String> PAYMENT_TYPES = Set.of("credit", "debit");

    private OrderValidator() {
    }

    /** Every problem with the order, each one naming the field and what to do about it. */
    public static ValidationReport check(Order order) {
        List<String> problems = new ArrayList<>();
        if (order == null) {
            problems.add("order: the request has no order in it");
            return new ValidationReport(problems);
        }
        requireText(order.orderId(), "orderId", problems);
        requireText(order.customerId(), "customerId", problems);
        checkItems(order.items(), problems);
        checkAddress(order.shippingAddress(), "shippingAddress", problems);
        checkAddress(order.billingAddress(), "billingAddress", problems);
        checkPayment(order.paymentMethod(), problems);
        return new ValidationReport(problems);
    }

    private static void checkItems(List<Order.Item> items, List<String> problems) {
        if (items == null || items.isEmpty()) {
            problems.add("items: the order has no items - add at least one {productId, quantity}");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            Order.Item item = items.get(i);
            if (item == null) {
                problems.add(at + ": empty line - give a productId and a quantity");
                continue;
            }
            String productId = item.productId();
            if (productId == null || productId.isBlank()) {
                problems.add(at + ".productId: missing - give the catalog id, for example LAPTOP-001");
            } else if (!PRODUCT_ID.matcher(productId).matches()) {
                problems.add(at + ".productId: '" + productId + "' is not a product id (letters, digits and '-')");
            } else if (!seen.add(productId)) {
                problems.add(at + ".productId: " + productId + " appears twice - put the whole quantity on one line");
            }
            Integer quantity = item.quantity();
            if (quantity == null) {
                problems.add(at + ".quantity: missing - give a whole number from 1 to " + MAX_QUANTITY);
            } else if (quantity < 1 || quantity > MAX_QUANTITY) {
                problems.add(at + ".quantity: " + quantity + " is out of range - use 1 to " + MAX_QUANTITY);
            }
        }
    }

    private static void checkAddress(Order.Address address, String field, List<String> problems) {
        if (address == null) {
            problems.add(field + ": missing - give line1, city, postalCode and country");
            return;
        }
        requireText(address.line1(), field + ".line1", problems);
        requireText(address.city(), field + ".city", problems);
        requireText(address.postalCode(), field + ".postalCode", problems);
        requireText(address.country(), field + ".country", problems);
    }

    private static void checkPayment(Order.PaymentMethod payment, List<String> problems) {
        if (payment == null) {
            problems.add("paymentMethod: missing - give type (credit or debit), cardBrand and cardToken");
            return;
        }
        if (payment.type() == null || !PAYMENT_TYPES.contains(payment.type())) {
            problems.add("paymentMethod.type: " + (payment.type() == null ? "missing" : "'" + payment.type() + "'")
                    + " - use credit or debit");
        }
        requireText(payment.cardBrand(), "paymentMethod.cardBrand", problems);
        requireText(payment.cardToken(), "paymentMethod.cardToken", problems);
    }

    private static void requireText(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": missing");
        }
    }
}
