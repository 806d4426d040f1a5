package durable.workshop.lesson2;

import java.util.Map;

/**
 * Where the orchestrator's collaborators are. The CDK app sets these environment variables when it deploys a
 * version, so they are the same for every replay of an execution on that version: reading them once, when
 * Lambda creates the handler, keeps the code deterministic. Worker names are qualified (alias or version):
 * an execution keeps calling the code it started with, and durable invocations need a qualified target.
 */
public record OrderConfig(String paymentFunction, String inventoryFunction, String fulfillmentFunction,
                          String catalogTable) {

    public static final String PAYMENT_FUNCTION = "PAYMENT_FUNCTION";
    public static final String INVENTORY_FUNCTION = "INVENTORY_FUNCTION";
    public static final String FULFILLMENT_FUNCTION = "FULFILLMENT_FUNCTION";
    public static final String CATALOG_TABLE = "CATALOG_TABLE";

    /** Reads the four settings; a missing or unqualified one is reported by name. */
    public static OrderConfig fromEnvironment(Map<String, String> env) {
        return new OrderConfig(
                qualifiedFunction(env, PAYMENT_FUNCTION, "payment"),
                qualifiedFunction(env, INVENTORY_FUNCTION, "inventory"),
                qualifiedFunction(env, FULFILLMENT_FUNCTION, "fulfilment"),
                required(env, CATALOG_TABLE, "the name of the ProductCatalog table"));
    }

    private static String qualifiedFunction(Map<String, String> env, String name, String worker) {
        String value = required(env, name, "the " + worker + " worker's alias ARN (ending in :live)");
        if (!isQualified(value)) {
            throw new IllegalStateException(name + " is '" + value + "', which has no version or alias;"
                    + " set it to the " + worker + " worker's alias ARN (ending in :live)");
        }
        return value;
    }

    private static String required(Map<String, String> env, String name, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; it must hold " + what
                    + " (the lesson's CDK app sets it)");
        }
        return value.strip();
    }

    /** True for "name:qualifier" and for ARNs that end in ":function:name:qualifier". */
    static boolean isQualified(String function) {
        int marker = function.indexOf(":function:");
        String nameAndQualifier = marker >= 0 ? function.substring(marker + ":function:".length()) : function;
        int colon = nameAndQualifier.indexOf(':');
        return colon > 0 && colon < nameAndQualifier.length() - 1;
    }
}
