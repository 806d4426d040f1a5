package durable.workshop.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;

/**
 * An HTTP stub server (WireMock) on 127.0.0.1 and a free port, for code that calls HTTP APIs.
 *
 * <pre>{@code
 * try (LocalHttpStub http = LocalHttpStub.start()) {
 *     http.stubFor(get("/status").willReturn(okJson("{\"state\":\"done\"}")));
 *     callCodeUnderTest(http.baseUri());
 * }
 * }</pre>
 */
public final class LocalHttpStub implements AutoCloseable {

    private final WireMockServer server;

    private LocalHttpStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts a stub server bound to 127.0.0.1 only. */
    public static LocalHttpStub start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return new LocalHttpStub(server);
    }

    /** Adds a stub, as {@code WireMock.stubFor} would. */
    public StubMapping stubFor(MappingBuilder mapping) {
        return server.stubFor(mapping);
    }

    /** For example {@code http://127.0.0.1:54321}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    /** The WireMock server itself, for request verification and scenarios. */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
