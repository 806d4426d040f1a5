package durable.workshop.lesson3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The sandbox payment gateway the deployed lesson calls: a stand-in for a card provider that is flaky on
 * purpose and honours idempotency keys, backed by a DynamoDB ledger (partition key idempotencyKey).
 *
 * <ul>
 *   <li>The first request of every key answers 503, so every charge shows the retry strategy at work.</li>
 *   <li>The next request charges (201, a new paymentId) or declines (402 for amounts over {@value #LIMIT_YEN} yen).</li>
 *   <li>Every later request with the key answers what the first answer was (200 with the same paymentId, or the
 *       same 402): the same key is never charged twice. A key reused for another order or amount gets 422.</li>
 * </ul>
 */
public class PaymentSandbox {

    public static final long LIMIT_YEN = 100_000;
    /** Keys are kept a day (DynamoDB TTL on expiresAt), like real gateways keep them for a while. */
    static final long KEY_LIFETIME_SECONDS = 24 * 3600;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{8,255}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status and JSON body. */
    public record Response(int status, String body) {
    }

    private final DynamoDbClient dynamoDb;
    private final String ledgerTable;
    private final Clock clock;

    public PaymentSandbox(DynamoDbClient dynamoDb, String ledgerTable, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.ledgerTable = ledgerTable;
        this.clock = clock;
    }

    public Response handle(String method, String path, String idempotencyKey, String body) {
        if (!"POST".equals(method) || path == null || !path.replaceAll("/+$", "").endsWith("/payments")) {
            return error(404, "not_found", "POST /payments is the only endpoint");
        }
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            return error(400, "invalid_idempotency_key", "Idempotency-Key: required, 8 to 255 printable characters");
        }
        Charge charge;
        try {
            charge = Charge.parse(body);
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", e.getMessage());
        }
        Map<String, AttributeValue> entry = ledgerEntry(idempotencyKey);
        if (entry == null) {
            return firstAttempt(idempotencyKey, charge);
        }
        if (!charge.fingerprint().equals(entry.get("request").s())) {
            return error(422, "idempotency_key_reused", "Idempotency-Key was already used for another request");
        }
        if (entry.containsKey("paymentId")) {
            return receipt(200, entry.get("paymentId").s());
        }
        if (entry.containsKey("declined")) {
            return declined(charge);
        }
        return decide(idempotencyKey, charge);
    }

    /** The first request of a key: remember it, and answer 503 as a busy gateway would. */
    private Response firstAttempt(String key, Charge charge) {
        try {
            dynamoDb.putItem(r -> r.tableName(ledgerTable)
                    .item(Map.of(
                            "idempotencyKey", AttributeValue.fromS(key),
                            "request", AttributeValue.fromS(charge.fingerprint()),
                            "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()
                                    + KEY_LIFETIME_SECONDS))))
                    .conditionExpression("attribute_not_exists(idempotencyKey)"));
        } catch (ConditionalCheckFailedException e) {
            // A concurrent first request: this one is simply not the first.
            return handleAgain(key, charge);
        }
        return error(503, "temporarily_unavailable", "the sandbox fails the first attempt of every key; try again");
    }

    private Response handleAgain(String key, Charge charge) {
        return handle("POST", "/payments", key, charge.json());
    }

    /** The second request of a key: charge or decline, once; a concurrent twin reads the winner's answer. */
    private Response decide(String key, Charge charge) {
        boolean decline = charge.amount().compareTo(BigDecimal.valueOf(LIMIT_YEN)) > 0;
        String paymentId = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, AttributeValue> values = new HashMap<>();
        String update;
        if (decline) {
            update = "SET declined = :t";
            values.put(":t", AttributeValue.fromBool(true));
        } else {
            update = "SET paymentId = :p";
            values.put(":p", AttributeValue.fromS(paymentId));
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(ledgerTable)
                    .key(Map.of("idempotencyKey", AttributeValue.fromS(key)))
                    .updateExpression(update)
                    .conditionExpression("attribute_not_exists(paymentId) AND attribute_not_exists(declined)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            return handleAgain(key, charge);
        }
        return decline ? declined(charge) : receipt(201, paymentId);
    }

    private Map<String, AttributeValue> ledgerEntry(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(ledgerTable)
                .key(Map.of("idempotencyKey", AttributeValue.fromS(key))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Response receipt(int status, String paymentId) {
        return new Response(status, "{\"paymentId\":\"" + paymentId + "\",\"status\":\"CHARGED\"}");
    }

    private static Response declined(Charge charge) {
        return error(402, "card_declined", "amount " + charge.amount().toPlainString() + " " + charge.currency()
                + " is over the sandbox limit of " + LIMIT_YEN + " JPY");
    }

    private static Response error(int status, String code, String message) {
        try {
            return new Response(status, JSON.writeValueAsString(Map.of("error", code, "message", message)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request body: which order, how much. */
    record Charge(String orderId, BigDecimal amount, String currency) {

        static Charge parse(String body) {
            JsonNode json;
            try {
                json = JSON.readTree(body == null ? "" : body);
            } catch (IOException e) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            String orderId = json.path("orderId").asText("");
            if (orderId.isBlank()) {
                throw new IllegalArgumentException("orderId: missing");
            }
            if (!json.path("amount").isNumber() || json.path("amount").decimalValue().signum() <= 0) {
                throw new IllegalArgumentException("amount: must be a positive number");
            }
            String currency = json.path("currency").asText("");
            if (!PricedOrder.CURRENCY.equals(currency)) {
                throw new IllegalArgumentException("currency: the sandbox takes JPY only");
            }
            return new Charge(orderId, json.path("amount").decimalValue(), currency);
        }

        /** What a reused key is compared on. */
        String fingerprint() {
            return orderId + "|" + amount.stripTrailingZeros().toPlainString() + "|" + currency;
        }

        String json() {
            return "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount.toPlainString() + ",\"currency\":\""
                    + currency + "\"}";
        }
    }
}
