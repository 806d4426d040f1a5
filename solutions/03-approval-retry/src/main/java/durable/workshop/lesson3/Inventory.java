package durable.workshop.lesson3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Holds stock for an order: every line or none. Each line is taken with a conditional update (stock >= qty), so
 * two orders never take the same last units; the order row is then created with a conditional put. A repeated
 * request for the same order (a retried or re-run step) finds that row and takes nothing more.
 *
 * <p>Production code would write the stock and the order row in one {@code TransactWriteItems} call. The local
 * DynamoDB the tests use has no transactions, so this takes line by line and puts back by hand.
 */
public class Inventory {

    private final ProductTable products;
    private final OrderTable orders;

    public Inventory(ProductTable products, OrderTable orders) {
        this.products = products;
        this.orders = orders;
    }

    public Reservation reserve(PricedOrder order) {
        Optional<OrderTable.StoredOrder> earlier = orders.find(order.orderId());
        if (earlier.isPresent()) {
            return alreadyRecorded(earlier.get());
        }
        List<PricedOrder.Line> taken = new ArrayList<>();
        for (PricedOrder.Line line : order.lines()) {
            if (!products.take(line.productId(), line.quantity())) {
                putBack(taken);
                int left = products.find(line.productId()).map(ProductTable.Product::stock).orElse(0);
                return Reservation.shortOf(List.of(line.productId() + ": " + line.quantity() + " ordered, "
                        + left + " in stock"));
            }
            taken.add(line);
        }
        if (!orders.createReserved(order)) {
            // Another attempt for the same order got there first: give our units back and use its row.
            putBack(taken);
            return alreadyRecorded(orders.find(order.orderId()).orElseThrow());
        }
        return Reservation.made();
    }

    private static Reservation alreadyRecorded(OrderTable.StoredOrder stored) {
        if (stored.stockHeld()) {
            return Reservation.made();
        }
        return Reservation.closed("orderId: order " + stored.orderId() + " is already " + stored.status()
                + "; submit a new order under a new order id");
    }

    private void putBack(List<PricedOrder.Line> taken) {
        for (PricedOrder.Line line : taken) {
            products.putBack(line.productId(), line.quantity());
        }
    }
}
