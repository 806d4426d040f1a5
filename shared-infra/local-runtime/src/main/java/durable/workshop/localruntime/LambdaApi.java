package durable.workshop.localruntime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.lambda.model.ErrorObject;

/**
 * The Lambda REST API on 127.0.0.1 for the operations the course uses (paths, headers and shapes from the AWS SDK's
 * Lambda model), so an unchanged {@code LambdaClient} with {@code endpointOverride}, or {@code aws --endpoint-url},
 * talks to the local service. Errors come back as the service sends them: status, {@code x-amzn-ErrorType} and a
 * JSON body with the message.
 */
final class LambdaApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a RequestResponse invoke of a durable function waits for the execution (the Lambda limit). */
    private static final Duration SYNC_LIMIT = Duration.ofMinutes(15);

    private final LambdaService service;
    private final HttpServer server;

    LambdaApi(LambdaService service, int port) throws IOException {
        this.service = service;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-lambda-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            try {
                route(x);
            } catch (ApiException e) {
                error(x, e.status, e.type, e.getMessage());
            } catch (RuntimeException e) {
                error(x, 500, "ServiceException", "The local endpoint failed: " + e);
            }
        }
    }

    private void route(HttpExchange x) throws IOException {
        List<String> p = segments(x.getRequestURI().getRawPath());
        Map<String, List<String>> q = query(x.getRequestURI().getRawQuery());
        String method = x.getRequestMethod();
        if (p.size() == 4 && p.get(0).equals("2015-03-31") && p.get(1).equals("functions") && p.get(3).equals("invocations")
                && method.equals("POST")) {
            invoke(x, FunctionRef.parse(p.get(2), first(q, "Qualifier")));
        } else if (p.size() >= 3 && p.get(0).equals("2025-12-01") && p.get(1).equals("durable-executions")) {
            String arn = p.get(2);
            String action = p.size() == 4 ? p.get(3) : "";
            switch (method + " " + action) {
                case "GET " -> json(x, 200, service.execution(arn).summary(true));
                case "GET history" -> history(x, service.execution(arn), q);
                case "POST stop" -> stop(x, arn);
                default -> throw unknownOperation(x);
            }
        } else if (p.size() == 4 && p.get(0).equals("2025-12-01") && p.get(1).equals("functions")
                && p.get(3).equals("durable-executions") && method.equals("GET")) {
            list(x, FunctionRef.parse(p.get(2), first(q, "Qualifier")), q);
        } else if (p.size() == 4 && p.get(0).equals("2025-12-01") && p.get(1).equals("durable-execution-callbacks")
                && method.equals("POST")) {
            callback(x, p.get(2), p.get(3));
        } else {
            throw unknownOperation(x);
        }
    }

    private static ApiException unknownOperation(HttpExchange x) {
        return new ApiException(404, "UnknownOperationException", "The local Lambda endpoint does not implement "
                + x.getRequestMethod() + " " + x.getRequestURI().getPath()
                + " (it speaks Invoke and the durable execution operations).");
    }

    // ------------------------------------------------------------------ Invoke

    private void invoke(HttpExchange x, FunctionRef ref) throws IOException {
        String type = header(x, "X-Amz-Invocation-Type", "RequestResponse");
        if (!List.of("RequestResponse", "Event", "DryRun").contains(type)) {
            throw ApiException.badParameter("X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, not " + type);
        }
        String payload = body(x);
        if (!payload.isBlank()) {
            try {
                JSON.readTree(payload);
            } catch (IOException e) {
                throw new ApiException(400, "InvalidRequestContentException", "Could not parse request body into json: "
                        + e.getMessage().split("\n")[0]);
            }
        }
        FunctionHost host = service.function(ref);
        x.getResponseHeaders().add("X-Amz-Executed-Version", ref.qualifier() == null ? "$LATEST" : "1");
        if (type.equals("DryRun")) {
            send(x, 204, new byte[0]);
            return;
        }
        if (host.isDurable()) {
            Execution e = service.start(ref, x.getRequestHeaders().getFirst("X-Amz-Durable-Execution-Name"), payload);
            x.getResponseHeaders().add("X-Amz-Durable-Execution-Arn", e.arn);
            if (type.equals("Event")) {
                send(x, 202, new byte[0]);
                return;
            }
            service.awaitEnd(e, SYNC_LIMIT);
            synchronized (e) {
                if ("SUCCEEDED".equals(e.status)) {
                    send(x, 200, (e.result == null ? "null" : e.result).getBytes(StandardCharsets.UTF_8));
                } else {
                    x.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                    Map<String, Object> err = new LinkedHashMap<>();
                    err.put("errorType", e.error == null ? e.status : e.error.get("ErrorType"));
                    err.put("errorMessage", e.error == null ? "The execution is " + e.status : e.error.get("ErrorMessage"));
                    json(x, 200, err);
                }
            }
            return;
        }
        if (type.equals("Event")) {
            new Thread(() -> service.invokePlain(host, payload), "local-lambda-event").start();
            send(x, 202, new byte[0]);
            return;
        }
        LambdaService.PlainResult r = service.invokePlain(host, payload);
        if (r.failed()) {
            x.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
        }
        send(x, 200, r.payload().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ durable executions

    private void history(HttpExchange x, Execution e, Map<String, List<String>> q) throws IOException {
        boolean withData = !"false".equalsIgnoreCase(first(q, "IncludeExecutionData"));
        List<Map<String, Object>> events;
        synchronized (e) {
            events = new ArrayList<>(e.history);
        }
        if ("true".equalsIgnoreCase(first(q, "ReverseOrder"))) {
            java.util.Collections.reverse(events);
        }
        if (!withData) {
            events = events.stream().map(LambdaApi::withoutPayloads).toList();
        }
        int from = intParam(q, "Marker", 0);
        int max = intParam(q, "MaxItems", 1000);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Events", events.subList(Math.min(from, events.size()), Math.min(events.size(), from + max)));
        if (from + max < events.size()) {
            out.put("NextMarker", String.valueOf(from + max));
        }
        json(x, 200, out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutPayloads(Map<String, Object> event) {
        Map<String, Object> copy = new LinkedHashMap<>();
        event.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? withoutPayloads((Map<String, Object>) m) : v));
        copy.remove("Payload");
        return copy;
    }

    private void list(HttpExchange x, FunctionRef ref, Map<String, List<String>> q) throws IOException {
        service.function(ref);
        String name = first(q, "DurableExecutionName");
        List<String> statuses = q.getOrDefault("Statuses", List.of()).stream()
                .flatMap(s -> Arrays.stream(s.split(","))).toList();
        List<Map<String, Object>> found = new ArrayList<>();
        for (Execution e : service.executionsOf(ref.name())) {
            synchronized (e) {
                if ((ref.qualifier() == null || ref.qualifier().equals(e.qualifier))
                        && (name == null || name.equals(e.name))
                        && (statuses.isEmpty() || statuses.contains(e.status))) {
                    found.add(e.summary(false));
                }
            }
        }
        if (!"true".equalsIgnoreCase(first(q, "ReverseOrder"))) {
            java.util.Collections.reverse(found); // newest first, as the service lists them
        }
        int from = intParam(q, "Marker", 0);
        int max = intParam(q, "MaxItems", 1000);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DurableExecutions", found.subList(Math.min(from, found.size()), Math.min(found.size(), from + max)));
        if (from + max < found.size()) {
            out.put("NextMarker", String.valueOf(from + max));
        }
        json(x, 200, out);
    }

    @SuppressWarnings("unchecked")
    private void stop(HttpExchange x, String arn) throws IOException {
        String body = body(x);
        Map<String, Object> error = null;
        if (!body.isBlank()) {
            Map<String, Object> m = readObject(body, "StopDurableExecution");
            Object inner = m.containsKey("Error") ? m.get("Error") : m;
            error = inner instanceof Map<?, ?> e ? new LinkedHashMap<>((Map<String, Object>) e) : null;
        }
        Instant at = service.stop(arn, error);
        json(x, 200, Map.of("StopTimestamp", SdkJson.epochSeconds(at)));
    }

    private void callback(HttpExchange x, String callbackId, String action) throws IOException {
        String body = body(x);
        switch (action) {
            case "succeed" -> service.completeCallback(callbackId, body);
            case "fail" -> {
                Map<String, Object> m = body.isBlank() ? Map.of() : readObject(body, "SendDurableExecutionCallbackFailure");
                Object inner = m.containsKey("Error") ? m.get("Error") : m;
                Map<?, ?> e = inner instanceof Map<?, ?> map ? map : Map.of();
                service.failCallback(callbackId, ErrorObject.builder()
                        .errorType(e.get("ErrorType") == null ? null : String.valueOf(e.get("ErrorType")))
                        .errorMessage(e.get("ErrorMessage") == null ? null : String.valueOf(e.get("ErrorMessage")))
                        .errorData(e.get("ErrorData") == null ? null : String.valueOf(e.get("ErrorData")))
                        .build());
            }
            case "heartbeat" -> service.heartbeat(callbackId);
            default -> throw unknownOperation(x);
        }
        json(x, 200, Map.of());
    }

    // ------------------------------------------------------------------ HTTP helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(String body, String operation) {
        try {
            Object v = JSON.readValue(body, Object.class);
            if (v instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (IOException e) {
            // reported below
        }
        throw ApiException.badRequestContent("The body of " + operation + " must be a JSON object.");
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    out.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                            .add(kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static int intParam(Map<String, List<String>> q, String key, int fallback) {
        String v = first(q, key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(key + " must be a number, not '" + v + "'.");
        }
    }

    private static String header(HttpExchange x, String name, String fallback) {
        String v = x.getRequestHeaders().getFirst(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String body(HttpExchange x) throws IOException {
        return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange x, int status, Object value) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json");
        send(x, status, JSON.writeValueAsBytes(value));
    }

    private static void error(HttpExchange x, int status, String type, String message) throws IOException {
        x.getResponseHeaders().set("x-amzn-ErrorType", type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Type", status >= 500 ? "Service" : "User");
        body.put("message", message);
        json(x, status, body);
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
