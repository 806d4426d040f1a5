package durable.workshop.lesson3;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * The sandbox gateway as a plain Lambda function behind a function URL (AuthType AWS_IAM, so only callers with
 * lambda:InvokeFunctionUrl on it get in). It reads the function URL event (payload format 2.0) and answers
 * with a function URL response.
 */
public class PaymentSandboxFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String LEDGER_TABLE = "LEDGER_TABLE";

    private final PaymentSandbox sandbox;

    public PaymentSandboxFunction() {
        this(new PaymentSandbox(AwsClients.dynamoDb(), ledgerTableFromEnvironment(), Clock.systemUTC()));
    }

    PaymentSandboxFunction(PaymentSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) event.getOrDefault("requestContext",
                Map.of())).getOrDefault("http", Map.of());
        Map<String, Object> headers = (Map<String, Object>) event.getOrDefault("headers", Map.of());
        String body = (String) event.get("body");
        if (body != null && Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        // Function URLs pass header names in lower case.
        String key = (String) headers.get(PaymentGateway.IDEMPOTENCY_KEY.toLowerCase());
        PaymentSandbox.Response response = sandbox.handle((String) http.get("method"), (String) event.get("rawPath"),
                key, body);
        if (context != null) {
            context.getLogger().log("POST /payments key " + key + " -> " + response.status());
        }
        return Map.of("statusCode", response.status(),
                "headers", Map.of("Content-Type", "application/json"),
                "body", response.body());
    }

    private static String ledgerTableFromEnvironment() {
        String table = System.getenv(LEDGER_TABLE);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException(LEDGER_TABLE
                    + " is not set; it must hold the name of the payment ledger table (the lesson's CDK app sets it)");
        }
        return table;
    }
}
