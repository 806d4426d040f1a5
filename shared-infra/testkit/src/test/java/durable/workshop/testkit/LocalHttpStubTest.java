package durable.workshop.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.global.GlobalSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalHttpStubTest {

    @Test
    void servesStubsOnLoopback() throws Exception {
        try (LocalHttpStub http = LocalHttpStub.start()) {
            http.stubFor(get("/status").willReturn(okJson("{\"state\":\"done\"}")));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(http.baseUri().resolve("/status")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(http.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"state\":\"done\"}");
        }
    }

    @Test
    void aServerHandedOnIsResetForTheNextStub() throws Exception {
        int port;
        try (LocalHttpStub first = LocalHttpStub.start()) {
            first.stubFor(get("/status").willReturn(okJson("{}")));
            first.server().updateGlobalSettings(GlobalSettings.builder().fixedDelay(500).build());
            assertThat(request(first, "/status").statusCode()).isEqualTo(200);
            port = first.port();
        }
        try (LocalHttpStub second = LocalHttpStub.start()) {
            assertThat(second.port()).as("the same server, still running").isEqualTo(port);
            assertThat(second.server().getAllServeEvents()).as("no requests of the first").isEmpty();
            assertThat(second.server().getGlobalSettings().getSettings().getFixedDelay()).isNull();
            assertThat(request(second, "/status").statusCode()).as("no stubs of the first").isEqualTo(404);
            try (LocalHttpStub alongside = LocalHttpStub.start()) {
                assertThat(alongside.port()).as("one server per open stub").isNotEqualTo(port);
            }
        }
    }

    @Test
    void prewarmStartsAServerWhenATestClassUsesTheStub(@TempDir Path classes) throws Exception {
        Files.write(classes.resolve("UsesStub.class"), ("....durable/workshop/testkit/LocalHttpStub....").getBytes());
        Files.write(classes.resolve("Other.class"), "....durable/workshop/Other....".getBytes());
        assertThat(Prewarm.contains(Files.readAllBytes(classes.resolve("UsesStub.class")),
                "durable/workshop/testkit/LocalHttpStub".getBytes())).isTrue();

        int idle = LocalHttpStub.idleServers();
        Prewarm.start(classes);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalHttpStub.idleServers() == idle && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(LocalHttpStub.idleServers()).isEqualTo(idle + 1);
    }

    @Test
    void prewarmStartsNothingForClassesThatUseNoServer(@TempDir Path classes) throws Exception {
        Files.write(classes.resolve("Other.class"), "....durable/workshop/Other....".getBytes());
        int idle = LocalHttpStub.idleServers();

        Prewarm.start(classes);
        Prewarm.start(classes.resolve("missing"));
        Thread.sleep(200);

        assertThat(LocalHttpStub.idleServers()).isEqualTo(idle);
    }

    private static HttpResponse<String> request(LocalHttpStub http, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
