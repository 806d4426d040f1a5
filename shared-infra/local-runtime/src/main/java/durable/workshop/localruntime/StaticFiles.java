package durable.workshop.localruntime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A lesson's web page (its {@code web/} folder) on the HTTP API's own origin, so the page calls the API with
 * relative URLs: no CORS, no proxy. Only GET and HEAD of files inside the folder; nothing is cached, so an edited
 * file shows at the next reload.
 */
final class StaticFiles implements HttpHandler {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final String prefix;
    private final Path root;

    StaticFiles(String prefix, Path root) {
        this.prefix = prefix;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(x, 405, "text/plain; charset=utf-8", "only GET and HEAD".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String relative = x.getRequestURI().getPath().substring(prefix.length());
            Path file = root.resolve(relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative)
                    .normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(x, 404, "text/plain; charset=utf-8", ("not found: " + x.getRequestURI().getPath())
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                    "application/octet-stream");
            send(x, 200, type, method.equals("HEAD") ? null : Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
