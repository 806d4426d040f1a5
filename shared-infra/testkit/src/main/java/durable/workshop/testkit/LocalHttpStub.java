package durable.workshop.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Servers that were closed, still running, for the next {@link #start()}: the first WireMock server of a JVM takes
     * about half a second to set up, the next ones milliseconds. Each one is reset when it is handed out again.
     */
    private static final Deque<WireMockServer> IDLE = new ArrayDeque<>();
    /** Every server started, stopped when the JVM ends. */
    private static final List<WireMockServer> STARTED = new ArrayList<>();
    /** A server being started in the background: {@link #start()} waits for it rather than start a second one. */
    private static CompletableFuture<Void> warming = CompletableFuture.completedFuture(null);

    private final WireMockServer server;
    private boolean closed;

    private LocalHttpStub(WireMockServer server) {
        this.server = server;
    }

    /**
     * A stub server bound to 127.0.0.1 only, with no stubs, no recorded requests, no scenario state and the default
     * settings: a new one, or one a closed stub left, reset.
     */
    public static LocalHttpStub start() {
        warmingOne().join();
        WireMockServer server = idle();
        if (server == null) {
            server = newServer();
        }
        server.resetAll();
        server.updateGlobalSettings(GlobalSettings.defaults());
        return new LocalHttpStub(server);
    }

    /** Starts one server for the next {@link #start()} (see {@link Prewarm}). */
    static void prewarm() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (IDLE) {
            warming = done;
        }
        try {
            WireMockServer server = newServer();
            synchronized (IDLE) {
                IDLE.push(server);
            }
        } finally {
            done.complete(null);
        }
    }

    /** How many servers wait for the next {@link #start()}. */
    static int idleServers() {
        synchronized (IDLE) {
            return IDLE.size();
        }
    }

    private static CompletableFuture<Void> warmingOne() {
        synchronized (IDLE) {
            return warming;
        }
    }

    private static WireMockServer newServer() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // A stub has nothing to finish: stopping it does not wait for clients' idle keep-alive connections.
                .jettyStopTimeout(0L));
        server.start();
        synchronized (IDLE) {
            if (STARTED.isEmpty()) {
                // Stopped here, a server takes milliseconds; left to Jetty's own hook, a third of a second.
                Runtime.getRuntime().addShutdownHook(new Thread(LocalHttpStub::stopAll, "local-http-stub-stop"));
            }
            STARTED.add(server);
        }
        return server;
    }

    private static void stopAll() {
        List<WireMockServer> servers;
        synchronized (IDLE) {
            servers = List.copyOf(STARTED);
        }
        servers.forEach(WireMockServer::stop);
    }

    private static WireMockServer idle() {
        synchronized (IDLE) {
            while (!IDLE.isEmpty()) {
                WireMockServer server = IDLE.pop();
                if (server.isRunning()) {
                    return server;
                }
            }
            return null;
        }
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

    /** Hands the server on to the next {@link #start()}; the stub itself is not usable afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server.isRunning()) {
            synchronized (IDLE) {
                IDLE.push(server);
            }
        }
    }
}
