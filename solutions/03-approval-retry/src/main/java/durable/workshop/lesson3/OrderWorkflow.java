package durable.workshop.lesson3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.config.CallbackConfig;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.WaitForCallbackConfig;
import software.amazon.lambda.durable.exception.CallbackFailedException;
import software.amazon.lambda.durable.exception.CallbackTimeoutException;
import software.amazon.lambda.durable.exception.StepFailedException;
import software.amazon.lambda.durable.retry.JitterStrategy;
import software.amazon.lambda.durable.retry.RetryDecision;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.retry.RetryStrategy;

/**
 * One order as a durable execution: receive the order, reserve the stock, wait for a person to approve it,
 * create an idempotency key, charge the payment (retrying a flaky gateway), send the completion notice.
 *
 * <p>While it waits for the approver the function is not running and costs nothing; the approver's answer (a
 * callback) starts a new invocation, which replays the finished operations from their checkpoints and carries
 * on. Operation names are fixed strings: a running execution finds its checkpoints by them.
 */
public class OrderWorkflow extends DurableHandler<Order, OrderResult> {

    /** Attempts of the charge in all, the first one included. */
    public static final int PAYMENT_ATTEMPTS = 5;
    /** Backoff of the charge: at most 2 s before the 2nd attempt, doubling, never more than 30 s. */
    public static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(2);
    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final OrderConfig config;
    private final ProductTable products;
    private final OrderTable orders;
    private final Inventory inventory;
    private final PaymentGateway gateway;

    /** Lambda creates the handler with this constructor: settings from the environment the CDK app sets. */
    public OrderWorkflow() {
        this(OrderConfig.fromEnvironment(System.getenv()), AwsClients.dynamoDb(), null);
    }

    /** Tests pass their settings, a client for the local tables and a gateway client for the local stub. */
    public OrderWorkflow(OrderConfig config, DynamoDbClient dynamoDb, PaymentGateway gateway) {
        this.config = config;
        this.products = new ProductTable(dynamoDb, config.productsTable());
        this.orders = new OrderTable(dynamoDb, config.ordersTable());
        this.inventory = new Inventory(products, orders);
        this.gateway = gateway != null ? gateway : PaymentGateway.sigV4(config.paymentGatewayUrl(),
                System.getenv("AWS_REGION"), DefaultCredentialsProvider.builder().build());
    }

    @Override
    public OrderResult handleRequest(Order order, DurableContext context) {
        PricedOrder priced = receive(order, context);
        reserve(priced, context);
        Approval approval = approval(priced, context);
        if (!approval.approved()) {
            return cancel(priced, approval.approver(), approval.reason(), context);
        }
        String key = paymentKey(priced, context);
        Payment payment = charge(priced, key, context);
        if (!payment.charged()) {
            return cancel(priced, approval.approver(), payment.reason(), context);
        }
        return complete(priced, payment, approval, context);
    }

    // The stages are package-private so that a test can run one of them on its own.

    /** Receive the order: validate it and price it from the product table, in one step. */
    PricedOrder receive(Order order, DurableContext context) {
        // The step returns its findings instead of throwing: a thrown exception would be retried, and a bad
        // order stays bad. The decision below uses the checkpointed result, so it is the same on every replay.
        PricedOrder priced = context.step("receive-order", PricedOrder.class, step -> priceFromTable(order));
        if (!priced.valid()) {
            throw InvalidOrderException.of(priced.orderId(), priced.problems());
        }
        return priced;
    }

    private PricedOrder priceFromTable(Order order) {
        List<String> problems = OrderValidator.problems(order);
        if (!problems.isEmpty()) {
            return PricedOrder.invalid(order, problems);
        }
        List<PricedOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < order.items().size(); i++) {
            Order.Item item = order.items().get(i);
            Optional<ProductTable.Product> product = products.find(item.productId());
            if (product.isEmpty()) {
                problems.add("items[" + i + "].productId: " + item.productId() + " is not in the product table");
            } else {
                lines.add(new PricedOrder.Line(item.productId(), product.get().name(), item.quantity(),
                        product.get().price()));
            }
        }
        return problems.isEmpty() ? PricedOrder.priced(order, lines) : PricedOrder.invalid(order, problems);
    }

    /** Reserve the stock with conditional writes; the step is safe to run again for the same order. */
    void reserve(PricedOrder order, DurableContext context) {
        Reservation reservation = context.step("reserve-inventory", Reservation.class,
                step -> inventory.reserve(order));
        if (Reservation.SHORT.equals(reservation.outcome())) {
            throw new OutOfStockException("Order " + order.orderId() + " cannot be reserved: "
                    + String.join(" | ", reservation.problems()) + ". Nothing was taken or charged.");
        }
        if (Reservation.CLOSED.equals(reservation.outcome())) {
            throw InvalidOrderException.of(order.orderId(), reservation.problems());
        }
    }

    /** How long to wait for the approver: the callback's timeout, from the configuration. */
    WaitForCallbackConfig approvalWaitConfig() {
        return WaitForCallbackConfig.builder()
                .callbackConfig(CallbackConfig.builder().timeout(config.approvalTimeout()).build())
                .build();
    }

    /**
     * Wait for approval: the submitter (a step) stores the callback id with the order, status AWAITING_APPROVAL,
     * where an approver finds it; then the execution suspends until the callback is completed, failed or timed out.
     */
    ApprovalDecision awaitApproval(PricedOrder order, DurableContext context) {
        return context.waitForCallback("approval", ApprovalDecision.class,
                (callbackId, step) -> orders.awaitApproval(order.orderId(), callbackId),
                approvalWaitConfig());
    }

    /** The approver's answer as an outcome: approved, rejected, a failed callback, or nobody answered in time. */
    Approval approval(PricedOrder order, DurableContext context) {
        try {
            ApprovalDecision decision = awaitApproval(order, context);
            String approver = decision.approver() == null || decision.approver().isBlank()
                    ? "an unnamed approver" : decision.approver();
            if (decision.approved()) {
                return Approval.approvedBy(approver);
            }
            String comment = decision.comment() == null || decision.comment().isBlank() ? "" : ": " + decision.comment();
            return Approval.refused(approver, "rejected by " + approver + comment);
        } catch (CallbackTimeoutException e) {
            return Approval.refused(null, "no approver answered within " + config.approvalTimeoutText());
        } catch (CallbackFailedException e) {
            return Approval.refused(null, "the approval callback failed: " + e.getMessage());
        }
    }

    /** Cancel: release the reservation and mark the order CANCELLED with the reason, in one idempotent step. */
    OrderResult cancel(PricedOrder order, String approver, String reason, DurableContext context) {
        OrderResult cancelled = context.step("cancel-order", OrderResult.class, step -> {
            OrderTable.StoredOrder stored = orders.cancel(order.orderId(), approver, reason, products);
            return OrderResult.cancelled(order, stored.approver(), stored.reason());
        });
        context.getLogger().info("Order {} cancelled: {}", order.orderId(), cancelled.reason());
        return cancelled;
    }

    /** The idempotency key of the charge: random, so created inside a step and checkpointed. */
    String paymentKey(PricedOrder order, DurableContext context) {
        return context.step("create-payment-key", String.class, step -> UUID.randomUUID().toString());
    }

    /**
     * Retry what is transient (HTTP 5xx, 429, timeouts, connection errors) with exponential backoff and full
     * jitter, at most {@value #PAYMENT_ATTEMPTS} attempts in all; never retry a decline or a bug.
     */
    static RetryStrategy paymentRetry() {
        RetryStrategy backoff = RetryStrategies.exponentialBackoff(PAYMENT_ATTEMPTS, FIRST_RETRY_DELAY,
                MAX_RETRY_DELAY, 2.0, JitterStrategy.FULL);
        return (error, attempt) -> error instanceof TransientPaymentException
                ? backoff.makeRetryDecision(error, attempt)
                : RetryDecision.fail();
    }

    /**
     * Charge the payment in a step with the retry strategy. Every attempt, and every replay, sends the same
     * idempotency key, so the gateway charges at most once. A decline or exhausted retries become a failed Payment.
     */
    Payment charge(PricedOrder order, String idempotencyKey, DurableContext context) {
        try {
            PaymentReceipt receipt = context.step("charge-payment", PaymentReceipt.class, step -> {
                step.getLogger().info("Charging order {} (attempt {}, key {})", order.orderId(), step.getAttempt(),
                        idempotencyKey);
                return gateway.charge(idempotencyKey, order.orderId(), order.amount(), PricedOrder.CURRENCY);
            }, StepConfig.builder().retryStrategy(paymentRetry()).build());
            return Payment.charged(receipt.paymentId());
        } catch (PaymentDeclinedException e) {
            return Payment.failed("payment declined: " + e.getMessage());
        } catch (TransientPaymentException e) {
            return Payment.failed("payment gateway unavailable after " + PAYMENT_ATTEMPTS + " attempts: "
                    + e.getMessage());
        } catch (StepFailedException e) {
            return Payment.failed("payment failed: " + e.getMessage());
        }
    }

    /** Send the completion notice: the order becomes COMPLETED with its payment and approver. */
    OrderResult complete(PricedOrder order, Payment payment, Approval approval, DurableContext context) {
        OrderResult completed = context.step("send-completion-notice", OrderResult.class, step -> {
            orders.complete(order.orderId(), payment.paymentId(), approval.approver());
            step.getLogger().info("Notice to customer {}: order {} is complete, {} {} charged (payment {})",
                    order.customerId(), order.orderId(), order.amount(), PricedOrder.CURRENCY, payment.paymentId());
            return OrderResult.completed(order, payment.paymentId(), approval.approver());
        });
        context.getLogger().info("Order {} completed, approved by {}", order.orderId(), approval.approver());
        return completed;
    }
}
