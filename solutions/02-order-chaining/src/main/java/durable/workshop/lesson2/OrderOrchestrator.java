package durable.workshop.lesson2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.exception.InvokeException;

/**
 * Processes one order as a durable execution: validate, price, authorize the payment, allocate inventory,
 * fulfil. Each stage is a checkpointed operation, so after any interruption the execution replays the finished
 * stages from their checkpoints and carries on where it stopped.
 *
 * <p>Operation names are fixed strings: a running execution finds its checkpoints by them.
 */
public class OrderOrchestrator extends DurableHandler<Order, OrderResult> {

    private final OrderConfig config;
    private final ProductCatalog catalog;

    /** Lambda creates the handler with this constructor: settings from the environment the CDK app sets. */
    public OrderOrchestrator() {
        this(OrderConfig.fromEnvironment(System.getenv()), AwsClients.dynamoDb());
    }

    /** Tests pass their own settings and a client for the local ProductCatalog table. */
    public OrderOrchestrator(OrderConfig config, DynamoDbClient dynamoDb) {
        this.config = config;
        this.catalog = new ProductCatalog(dynamoDb, config.catalogTable());
    }

    @Override
    public OrderResult handleRequest(Order order, DurableContext context) {
        validate(order, context);
        PricedOrder priced = price(order, context);
        PaymentResult payment = authorizePayment(order, priced, context);
        InventoryResult inventory = allocateInventory(order, payment, context);
        FulfillmentResult shipment = fulfill(order, inventory, context);
        context.getLogger().info("Order {} confirmed, tracking number {}", order.orderId(), shipment.trackingNumber());
        return new OrderResult(order.orderId(), OrderResult.CONFIRMED, priced.total(), PricedOrder.CURRENCY,
                payment.authorizationId(), inventory.reservationId(), shipment.shipmentId(),
                shipment.trackingNumber());
    }

    // The stages are package-private so that a test can run one of them on its own.

    /** Stage 1: the validate-order step; an invalid order ends the execution with InvalidOrderException. */
    void validate(Order order, DurableContext context) {
        // The step returns its findings instead of throwing: a thrown exception would be retried, and a bad
        // order stays bad. The decision below uses the checkpointed report, so it is the same on every replay.
        ValidationReport report = context.step("validate-order", ValidationReport.class,
                step -> OrderValidator.check(order));
        if (!report.valid()) {
            throw new InvalidOrderException(order == null ? null : order.orderId(), report.problems());
        }
    }

    /** Stage 2: the price-order step reads every product from the catalog; unknown products reject the order. */
    PricedOrder price(Order order, DurableContext context) {
        // The read is I/O, so it runs inside the step; replays reuse the checkpointed prices.
        PricedOrder priced = context.step("price-order", PricedOrder.class, step -> priceFromCatalog(order));
        if (!priced.unknownProducts().isEmpty()) {
            throw InvalidOrderException.unknownProducts(order, priced.unknownProducts());
        }
        return priced;
    }

    private PricedOrder priceFromCatalog(Order order) {
        List<PricedOrder.Line> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Order.Item item : order.items()) {
            Optional<ProductCatalog.Product> product = catalog.find(item.productId());
            if (product.isPresent()) {
                lines.add(PricedOrder.Line.of(product.get(), item.quantity()));
            } else {
                unknown.add(item.productId());
            }
        }
        return PricedOrder.of(lines, unknown);
    }

    /** Stage 3: invoke the payment worker; a decline ends the execution with PaymentDeclinedException. */
    PaymentResult authorizePayment(Order order, PricedOrder priced, DurableContext context) {
        PaymentResult payment = context.invoke("authorize-payment", config.paymentFunction(),
                PaymentRequest.authorize(order, priced.total()), PaymentResult.class);
        if (!payment.authorized()) {
            throw new PaymentDeclinedException(order.orderId(), priced.total(), payment.reason());
        }
        return payment;
    }

    /**
     * Stage 4: invoke the inventory worker. If the stock cannot be reserved, the authorization from stage 3 is
     * released first (release-payment), then the execution fails: no money stays held for an order that will
     * not ship.
     */
    InventoryResult allocateInventory(Order order, PaymentResult payment, DurableContext context) {
        InventoryResult inventory;
        try {
            inventory = context.invoke("allocate-inventory", config.inventoryFunction(),
                    new InventoryRequest(order.orderId(), order.items()), InventoryResult.class);
        } catch (InvokeException e) {
            // The worker failed, timed out or was stopped. The money is held for sure, so it is released. Stock
            // is not certain either way: a worker that timed out or was stopped may have taken units before it
            // ended. Its reservation record (reservation#<orderId>) is the evidence; the message says so.
            releasePayment(order, payment, context);
            throw new OrderFailedException(OrderFailedException.subject(order.orderId())
                    + " could not be allocated: the inventory worker failed (" + describe(e) + ")."
                    + " Payment authorization " + payment.authorizationId() + " was released. The worker may have"
                    + " taken stock before it ended: check reservation "
                    + InventoryWorker.reservationId(order.orderId())
                    + " and the stock levels before you submit the order again under a new execution name.");
        }
        if (!inventory.allocated()) {
            releasePayment(order, payment, context);
            throw new InsufficientInventoryException(order.orderId(), inventory.shortages(),
                    payment.authorizationId());
        }
        return inventory;
    }

    /** The compensation for stage 3: void the authorization. */
    private void releasePayment(Order order, PaymentResult payment, DurableContext context) {
        context.invoke("release-payment", config.paymentFunction(),
                PaymentRequest.release(order.orderId(), payment.authorizationId()), PaymentResult.class);
    }

    /** Stage 5: invoke the fulfilment worker for the reserved items; it answers with the tracking number. */
    FulfillmentResult fulfill(Order order, InventoryResult inventory, DurableContext context) {
        return context.invoke("fulfill-order", config.fulfillmentFunction(),
                new FulfillmentRequest(order.orderId(), order.customerId(), order.shippingAddress(),
                        inventory.allocations()),
                FulfillmentResult.class);
    }

    /** "type: message" of a failed invoke, for the error a caller reads. */
    private static String describe(InvokeException e) {
        ErrorObject error = e.getErrorObject();
        if (error != null && error.errorMessage() != null) {
            return (error.errorType() == null ? "" : error.errorType() + ": ") + error.errorMessage();
        }
        return e.getMessage();
    }
}
