package durable.workshop.localruntime;

/**
 * A function as a caller names it: a name, {@code name:qualifier}, a partial ARN or a full ARN, with an optional
 * separate qualifier (the Invoke API's {@code Qualifier} parameter).
 */
record FunctionRef(String name, String qualifier) {

    static FunctionRef parse(String given) {
        return parse(given, null);
    }

    static FunctionRef parse(String given, String qualifierParam) {
        String s = given == null ? "" : given.trim();
        if (s.isEmpty()) {
            throw ApiException.badParameter("FunctionName must not be empty.");
        }
        String[] parts = s.split(":");
        String name;
        String qualifier = null;
        if (s.startsWith("arn:")) {
            // arn:aws:lambda:region:account:function:name[:qualifier]
            if (parts.length < 7 || !"function".equals(parts[5])) {
                throw ApiException.badParameter("FunctionName '" + given + "' is not a Lambda function ARN.");
            }
            name = parts[6];
            qualifier = parts.length > 7 ? parts[7] : null;
        } else if (parts.length == 3 && "function".equals(parts[1])) {
            name = parts[2]; // account:function:name
        } else if (parts.length == 4 && "function".equals(parts[1])) {
            name = parts[2];
            qualifier = parts[3];
        } else if (parts.length <= 2) {
            name = parts[0];
            qualifier = parts.length == 2 ? parts[1] : null;
        } else {
            throw ApiException.badParameter("FunctionName '" + given + "' is neither a name nor an ARN.");
        }
        if (qualifierParam != null && !qualifierParam.isEmpty()) {
            if (qualifier != null && !qualifier.equals(qualifierParam)) {
                throw ApiException.badParameter("The derived qualifier from the function name does not match the "
                        + "specified qualifier.");
            }
            qualifier = qualifierParam;
        }
        return new FunctionRef(name, qualifier);
    }
}
