package durable.workshop.lesson2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What the price-order step returns: one line per product found in the catalog, the order total, and the
 * product ids the catalog does not know (the orchestrator rejects the order when there are any).
 */
public record PricedOrder(List<Line> lines, BigDecimal total, List<String> unknownProducts) {

    /** The course works in US dollars. */
    public static final String CURRENCY = "USD";

    public PricedOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        unknownProducts = unknownProducts == null ? List.of() : List.copyOf(unknownProducts);
    }

    /** The priced order for these lines; the total is their sum, in cents. */
    public static PricedOrder of(List<Line> lines, List<String> unknownProducts) {
        BigDecimal total = lines.stream().map(Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PricedOrder(lines, total.setScale(2, RoundingMode.HALF_UP), unknownProducts);
    }

    /** One priced line: the catalog's unit price times the ordered quantity. */
    public record Line(String productId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

        public static Line of(ProductCatalog.Product product, int quantity) {
            BigDecimal lineTotal = product.price().multiply(BigDecimal.valueOf(quantity))
                    .setScale(2, RoundingMode.HALF_UP);
            return new Line(product.productId(), product.name(), quantity, product.price(), lineTotal);
        }
    }
}
