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
        // TODO 2.6 — Call the five stages below in order, pass each result on, and return a CONFIRMED
        //  OrderResult with the total, the authorization, the reservation and the tracking number.
        //  (README: "Exercise 2.6")
        throw new UnsupportedOperationException(
                "TODO 2.6: chain validate, price, authorizePayment, allocateInventory and fulfill in handleRequest"
                        + " and return the confirmed OrderResult");
    }

    // The stages are package-private so that a test can run one of them on its own.

    /** Stage 1: the validate-order step; an invalid order ends the execution with InvalidOrderException. */
    void validate(Order order, DurableContext context) {
        // TODO 2.1 — Run OrderValidator.check(order) inside a step named "validate-order" that returns the
        //  ValidationReport. After the step, throw InvalidOrderException when the report is not valid.
        //  (README: "Exercise 2.1")
        throw new UnsupportedOperationException(
                "TODO 2.1: run OrderValidator.check inside the validate-order step and reject an invalid order");
    }

    /** Stage 2: the price-order step reads every product from the catalog; unknown products reject the order. */
    PricedOrder price(Order order, DurableContext context) {
        // TODO 2.2 — Inside a step named "price-order", look up every item with catalog.find(productId) and
        //  return PricedOrder.of(lines, unknownProductIds). After the step, reject the order when the catalog
        //  did not know a product (InvalidOrderException.unknownProducts). (README: "Exercise 2.2")
        throw new UnsupportedOperationException(
                "TODO 2.2: price the order from the catalog inside the price-order step");
    }

    /** Stage 3: invoke the payment worker; a decline ends the execution with PaymentDeclinedException. */
    PaymentResult authorizePayment(Order order, PricedOrder priced, DurableContext context) {
        // TODO 2.3 — Invoke the payment worker (config.paymentFunction()) as "authorize-payment" with
        //  PaymentRequest.authorize(order, priced.total()); throw PaymentDeclinedException unless the answer
        //  is authorized. (README: "Exercise 2.3")
        throw new UnsupportedOperationException(
                "TODO 2.3: invoke authorize-payment on the payment worker's alias and fail on a decline");
    }

    /**
     * Stage 4: invoke the inventory worker. If the stock cannot be reserved, the authorization from stage 3 is
     * released first (release-payment), then the execution fails: no money stays held for an order that will
     * not ship.
     */
    InventoryResult allocateInventory(Order order, PaymentResult payment, DurableContext context) {
        // TODO 2.4 — Invoke the inventory worker (config.inventoryFunction()) as "allocate-inventory". When
        //  the answer is not allocated, or the invoke throws InvokeException, first invoke "release-payment"
        //  on the payment worker with PaymentRequest.release(...), then throw InsufficientInventoryException
        //  (OrderFailedException for a failed worker, its message with describe(e) and the English word
        //  "released"). Catch InvokeException around this one invoke only. (README: "Exercise 2.4")
        throw new UnsupportedOperationException(
                "TODO 2.4: invoke allocate-inventory and release the payment when no stock can be reserved");
    }

    /** Stage 5: invoke the fulfilment worker for the reserved items; it answers with the tracking number. */
    FulfillmentResult fulfill(Order order, InventoryResult inventory, DurableContext context) {
        // TODO 2.5 — Invoke the fulfilment worker (config.fulfillmentFunction()) as "fulfill-order" with a
        //  FulfillmentRequest for the shipping address and the reserved allocations. (README: "Exercise 2.5")
        throw new UnsupportedOperationException(
                "TODO 2.5: invoke fulfill-order on the fulfilment worker's alias and return its answer");
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
