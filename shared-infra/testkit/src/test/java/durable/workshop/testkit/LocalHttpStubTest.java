package durable.workshop.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

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
}
