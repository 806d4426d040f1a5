package durable.workshop.localruntime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The stack's HTTP API (API Gateway, payload format 2.0) or one of its function URLs (the same event format) on
 * 127.0.0.1: each request becomes the event the service would send the route's function, and the function's
 * answer becomes the HTTP response. Authorizers are not checked locally; a function URL with AuthType AWS_IAM
 * refuses a request without a SigV4 Authorization header with 403, as the service does (the signature itself
 * is not checked: the local endpoint has dummy credentials).
 */
final class HttpApiAdapter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<LambdaService> service;
    private final List<StackDefinition.Route> routes;
    private final boolean requireSigV4;
    private final LambdaApi.LoopbackServer server;

    HttpApiAdapter(LambdaService service, List<StackDefinition.Route> routes) throws IOException {
        this(() -> service, routes, false, "local-http-api");
    }

    private HttpApiAdapter(Supplier<LambdaService> service, List<StackDefinition.Route> routes, boolean requireSigV4,
                           String threadName) throws IOException {
        this.service = service;
        this.routes = routes;
        this.requireSigV4 = requireSigV4;
        this.server = LambdaApi.loopbackServer(0, this::handle, threadName);
    }

    /**
     * A function URL: every path and method goes to the function. It listens from the start, so its address can be
     * put in the functions' environment before they are loaded; {@code service} is asked for at the first request.
     */
    static HttpApiAdapter functionUrl(StackDefinition.FunctionUrl url, Supplier<LambdaService> service) throws IOException {
        return new HttpApiAdapter(service, List.of(new StackDefinition.Route("$default", null, url.functionName(),
                url.qualifier())), url.iam(), "local-function-url");
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Serves the files of {@code dir} under {@code prefix} (such as "/web/"), on the same origin as the routes. */
    void serveFiles(String prefix, java.nio.file.Path dir) {
        server.server().createContext(prefix, new StaticFiles(prefix, dir));
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String authorization = x.getRequestHeaders().getFirst("Authorization");
            if (requireSigV4 && (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 "))) {
                send(x, 403, Map.of("Content-Type", "application/json"), "{\"Message\":\"Forbidden\"}");
                return;
            }
            String method = x.getRequestMethod();
            String path = x.getRequestURI().getPath();
            for (StackDefinition.Route r : routes) {
                Map<String, String> params = match(r, method, path);
                if (params != null) {
                    respond(x, r, params);
                    return;
                }
            }
            send(x, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
        } catch (RuntimeException e) {
            send(x, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    /** Path parameters when the route matches ({name} and {proxy+} segments), else null. */
    static Map<String, String> match(StackDefinition.Route r, String method, String path) {
        if (!r.method().equals("ANY") && !r.method().equalsIgnoreCase(method) && !r.method().equals("$default")) {
            return null;
        }
        if (r.path() == null || r.method().equals("$default")) {
            return Map.of();
        }
        String[] want = r.path().split("/");
        String[] got = path.split("/");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("+}")) {
                params.put(want[i].substring(1, want[i].length() - 2),
                        String.join("/", java.util.Arrays.copyOfRange(got, Math.min(i, got.length), got.length)));
                return params;
            }
            if (i >= got.length) {
                return null;
            }
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                params.put(want[i].substring(1, want[i].length() - 1), URLDecoder.decode(got[i], StandardCharsets.UTF_8));
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return want.length == got.length ? params : null;
    }

    private void respond(HttpExchange x, StackDefinition.Route r, Map<String, String> pathParams) throws IOException {
        LambdaService service = this.service.get();
        FunctionHost host = service.function(new FunctionRef(r.functionName(), r.qualifier()));
        LambdaService.PlainResult result = service.invokePlain(host, JSON.writeValueAsString(event(x, r, pathParams)));
        if (result.failed()) {
            send(x, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal Server Error\"}");
            return;
        }
        Object out = JSON.readValue(result.payload(), Object.class);
        if (out instanceof Map<?, ?> m && m.containsKey("statusCode")) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (m.get("headers") instanceof Map<?, ?> h) {
                h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
            }
            Object body = m.get("body");
            String text = body == null ? "" : String.valueOf(body);
            if (Boolean.TRUE.equals(m.get("isBase64Encoded"))) {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            }
            send(x, ((Number) m.get("statusCode")).intValue(), headers, text);
        } else {
            // Payload 2.0 without a statusCode: API Gateway answers 200 with the result as JSON.
            send(x, 200, Map.of("Content-Type", "application/json"), result.payload());
        }
    }

    /** The API Gateway HTTP API event, payload format 2.0. */
    private static Map<String, Object> event(HttpExchange x, StackDefinition.Route r, Map<String, String> pathParams)
            throws IOException {
        Map<String, Object> headers = new LinkedHashMap<>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        String rawQuery = x.getRequestURI().getRawQuery();
        Map<String, Object> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String k = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String v = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        byte[] body = x.getRequestBody().readAllBytes();
        Instant now = Instant.now();
        String routeKey = r.method().equals("$default") ? "$default" : r.method() + " " + r.path();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", x.getRequestMethod());
        http.put("path", x.getRequestURI().getPath());
        http.put("protocol", x.getProtocol());
        http.put("sourceIp", x.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", StackDefinition.ACCOUNT);
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "local");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", now.toString());
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", x.getRequestURI().getRawPath());
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        e.put("headers", headers);
        if (!query.isEmpty()) {
            e.put("queryStringParameters", query);
        }
        if (!pathParams.isEmpty()) {
            e.put("pathParameters", pathParams);
        }
        e.put("requestContext", context);
        if (body.length > 0) {
            e.put("body", new String(body, StandardCharsets.UTF_8));
        }
        e.put("isBase64Encoded", false);
        return e;
    }

    private static void send(HttpExchange x, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
