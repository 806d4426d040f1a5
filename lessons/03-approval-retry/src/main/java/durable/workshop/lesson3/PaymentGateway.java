package durable.workshop.lesson3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The HTTP client of the payment gateway: {@code POST <base>/payments} with an {@code Idempotency-Key} header.
 * A gateway that honours the key charges at most once per key, however often the request is sent.
 *
 * <p>It sorts every failure into one of two kinds, which is what the retry strategy decides on:
 * {@link TransientPaymentException} (5xx, 429, timeouts, connection errors: try again) and
 * {@link PaymentDeclinedException} (any other 4xx: the answer will not change).
 */
public class PaymentGateway {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Adds authentication headers to a request; the deployed workflow signs with SigV4. */
    @FunctionalInterface
    public interface RequestSigner {
        Map<String, List<String>> headersFor(String method, URI uri, Map<String, String> headers, byte[] body);
    }

    private final URI paymentsUri;
    private final RequestSigner signer;
    private final HttpClient http;

    public PaymentGateway(URI baseUri, RequestSigner signer) {
        String base = baseUri.toString();
        this.paymentsUri = URI.create((base.endsWith("/") ? base : base + "/") + "payments");
        this.signer = signer;
        // HTTP/1.1: the headers sent are exactly the ones signed (no HTTP/2 pseudo-headers).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A client that sends the requests as they are (tests, and gateways that need no AWS signature). */
    public static PaymentGateway unsigned(URI baseUri) {
        return new PaymentGateway(baseUri, (method, uri, headers, body) -> Map.of());
    }

    /**
     * A client for the sandbox behind an IAM-authenticated function URL: every request is signed with SigV4
     * for the service {@code lambda}, with the function's own role credentials.
     */
    public static PaymentGateway sigV4(URI baseUri, String region, AwsCredentialsProvider credentials) {
        return new PaymentGateway(baseUri, sigV4Signer(region, credentials));
    }

    static RequestSigner sigV4Signer(String region, AwsCredentialsProvider credentials) {
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        return (method, uri, headers, body) -> {
            SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.fromValue(method)).uri(uri);
            headers.forEach(request::putHeader);
            return signer.sign(r -> r.identity(credentials.resolveCredentials())
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")).request().headers();
        };
    }

    /**
     * Charges {@code amount} for the order. Send the same {@code idempotencyKey} on every attempt for this
     * order: that is what makes a repeated request safe.
     *
     * @throws TransientPaymentException when trying again may help
     * @throws PaymentDeclinedException  when the gateway refused the charge
     */
    public PaymentReceipt charge(String idempotencyKey, String orderId, BigDecimal amount, String currency) {
        byte[] body = json(Map.of("orderId", orderId, "amount", amount, "currency", currency));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(IDEMPOTENCY_KEY, idempotencyKey);
        HttpRequest.Builder request = HttpRequest.newBuilder(paymentsUri)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        signer.headersFor("POST", paymentsUri, headers, body).forEach((name, values) -> {
            // HttpClient sets Host and Content-Length itself, to the same values that were signed.
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length") && !headers.containsKey(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // Timeouts and refused or reset connections: the charge may or may not have happened, and the key
            // makes asking again safe.
            throw new TransientPaymentException("payment gateway unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPaymentException("interrupted while calling the payment gateway", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            PaymentReceipt receipt = read(response.body());
            if (receipt.paymentId() == null || receipt.paymentId().isBlank()) {
                throw new TransientPaymentException("payment gateway answered HTTP " + status + " without a paymentId");
            }
            return receipt;
        }
        String detail = "payment gateway answered HTTP " + status + describe(response.body());
        if (status == 429 || status >= 500) {
            throw new TransientPaymentException(detail);
        }
        throw new PaymentDeclinedException(detail);
    }

    private static PaymentReceipt read(String body) {
        try {
            return JSON.readValue(body, PaymentReceipt.class);
        } catch (IOException e) {
            throw new TransientPaymentException("payment gateway answered with a body that is not a receipt: " + body);
        }
    }

    private static String describe(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String message = json.path("message").asText(json.path("error").asText(""));
            return message.isBlank() ? "" : " (" + message + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
