package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson's web folder under /web/: its files with their types, nothing outside it, only GET and HEAD. */
class StaticFilesTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>page</title>");
        Files.writeString(web.resolve("app.js"), "export const x = 1;");
        Files.writeString(dir.resolve("secret.txt"), "outside the web folder");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/web/", new StaticFiles("/web/", web));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void servesTheFolderWithContentTypesAndIndexHtml() throws Exception {
        HttpResponse<String> page = get("/web/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>page</title>");
        HttpResponse<String> module = get("/web/app.js");
        // Browsers run a JavaScript module only when it is served with a JavaScript type.
        assertThat(module.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(module.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(get("/web/missing.css").statusCode()).isEqualTo(404);
    }

    @Test
    void neverServesAFileOutsideTheFolder() throws Exception {
        // Sent raw: an HTTP client would normalize the dots away before sending.
        for (String path : new String[] {"/web/../secret.txt", "/web/%2e%2e/secret.txt", "/web/..%2fsecret.txt"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 404").doesNotContain("outside the web folder");
        }
    }

    @Test
    void refusesMethodsThatWouldChangeSomething() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(url("/web/index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
