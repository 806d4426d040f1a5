package durable.workshop.lesson4;

/** Function names that point at one version or alias: durable executions need such qualified names. */
final class Aliases {

    private Aliases() {
    }

    /** True for "name:qualifier" and for ARNs that end in ":function:name:qualifier". */
    static boolean isQualified(String function) {
        int marker = function.indexOf(":function:");
        String nameAndQualifier = marker >= 0 ? function.substring(marker + ":function:".length()) : function;
        int colon = nameAndQualifier.indexOf(':');
        return colon > 0 && colon < nameAndQualifier.length() - 1;
    }
}
