package durable.workshop.lesson2;

import java.math.BigDecimal;
import java.util.List;

/** Stage results the tests hand to one stage, as the earlier stages would have produced them. */
final class Fixtures {

    static final ProductCatalog.Product LAPTOP =
            new ProductCatalog.Product("LAPTOP-001", "Gaming Laptop", new BigDecimal("1299.99"), 50, "WAREHOUSE-A");
    static final ProductCatalog.Product MOUSE =
            new ProductCatalog.Product("MOUSE-001", "Wireless Mouse", new BigDecimal("29.99"), 200, "WAREHOUSE-A");
    static final ProductCatalog.Product KEYBOARD =
            new ProductCatalog.Product("KEYBOARD-001", "Mechanical Keyboard", new BigDecimal("149.99"), 20, "WAREHOUSE-B");

    private Fixtures() {
    }

    /** ORDER-001 priced: 1359.97. */
    static PricedOrder pricedSuccessOrder() {
        return PricedOrder.of(List.of(PricedOrder.Line.of(LAPTOP, 1), PricedOrder.Line.of(MOUSE, 2)), List.of());
    }

    /** ORDER-002 priced: 12999.90. */
    static PricedOrder pricedTenLaptops() {
        return PricedOrder.of(List.of(PricedOrder.Line.of(LAPTOP, 10)), List.of());
    }

    /** The authorization the payment worker gives this order. */
    static PaymentResult authorized(String orderId, String amount) {
        return new PaymentResult(PaymentResult.AUTHORIZED, PaymentWorker.authorizationId(orderId),
                new BigDecimal(amount), null);
    }

    /** ORDER-001's reservation. */
    static InventoryResult allocatedSuccessOrder() {
        return new InventoryResult(InventoryResult.ALLOCATED, InventoryWorker.reservationId("ORDER-001"),
                List.of(new InventoryResult.Allocation("LAPTOP-001", 1, "WAREHOUSE-A"),
                        new InventoryResult.Allocation("MOUSE-001", 2, "WAREHOUSE-A")),
                List.of());
    }
}
