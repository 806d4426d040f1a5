package durable.workshop.lesson3;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The workflow's settings. The CDK app sets them as environment variables of the version it deploys, so they
 * are the same on every replay of an execution: reading them once, when Lambda creates the handler, keeps the
 * code deterministic.
 */
public record OrderConfig(String ordersTable, String productsTable, URI paymentGatewayUrl, Duration approvalTimeout) {

    public static final String ORDERS_TABLE = "ORDERS_TABLE";
    public static final String PRODUCTS_TABLE = "PRODUCTS_TABLE";
    public static final String PAYMENT_GATEWAY_URL = "PAYMENT_GATEWAY_URL";
    /** ISO-8601, for example PT30M for a demo or PT48H in production. */
    public static final String APPROVAL_TIMEOUT = "APPROVAL_TIMEOUT";

    public static OrderConfig fromEnvironment(Map<String, String> env) {
        return new OrderConfig(
                required(env, ORDERS_TABLE, "the name of the order table"),
                required(env, PRODUCTS_TABLE, "the name of the product table"),
                gatewayUrl(env),
                approvalTimeout(env));
    }

    /** "30 minutes", "48 hours": the approval timeout as a cancellation reason says it. */
    public String approvalTimeoutText() {
        Duration t = approvalTimeout;
        if (t.toSeconds() % 3600 == 0) {
            return plural(t.toHours(), "hour");
        }
        if (t.toSeconds() % 60 == 0) {
            return plural(t.toMinutes(), "minute");
        }
        return plural(t.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static URI gatewayUrl(Map<String, String> env) {
        String value = required(env, PAYMENT_GATEWAY_URL, "the payment gateway's HTTPS URL");
        // Plain HTTP only on this machine's loopback address: the course's local runtime serves the function URL there.
        if (!value.startsWith("https://") && !value.startsWith("http://127.0.0.1:")) {
            throw new IllegalStateException(PAYMENT_GATEWAY_URL + " is '" + value
                    + "'; it must be an https:// URL (or http://127.0.0.1:PORT/ for the local runtime)");
        }
        return URI.create(value);
    }

    static Duration approvalTimeout(Map<String, String> env) {
        String value = required(env, APPROVAL_TIMEOUT, "how long to wait for an approver, for example PT30M");
        try {
            Duration timeout = Duration.parse(value);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalStateException(APPROVAL_TIMEOUT + " is '" + value + "'; it must be positive");
            }
            return timeout;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(APPROVAL_TIMEOUT + " is '" + value
                    + "'; write an ISO-8601 duration such as PT30M or PT48H", e);
        }
    }

    private static String required(Map<String, String> env, String name, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; it must hold " + what
                    + " (the lesson's CDK app sets it)");
        }
        return value.strip();
    }
}
