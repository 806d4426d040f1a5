package durable.workshop.lesson4;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway HTTP API response (payload format 2.0): JSON body, and CORS for a browser page. */
public record HttpResponse(int statusCode, Map<String, String> headers, String body) {

    public static HttpResponse json(int statusCode, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new HttpResponse(statusCode, headers, WorkerJson.write(body));
    }

    /** The one error shape of the API: {@code {"error": {"code", "message", "field"}}}. */
    public static HttpResponse error(int statusCode, String code, String message, String field) {
        return json(statusCode, Map.of("error", field == null
                ? Map.of("code", code, "message", message)
                : Map.of("code", code, "message", message, "field", field)));
    }
}
