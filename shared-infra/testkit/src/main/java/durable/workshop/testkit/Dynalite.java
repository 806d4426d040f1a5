package durable.workshop.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One dynalite server per JVM (a DynamoDB API implementation in Node), started on first use on a free
 * 127.0.0.1 port and stopped when the JVM ends (or when the test run closes it).
 */
public final class Dynalite {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;
    private static Process process;
    private static URI endpoint;
    private static boolean hookInstalled;

    private Dynalite() {
    }

    /** The endpoint of the running server, starting it if needed. */
    public static synchronized URI endpoint() {
        if (process == null || !process.isAlive()) {
            start(Paths.get("").toAbsolutePath(), "node");
        }
        return endpoint;
    }

    /** A new client for the local server: dummy credentials, us-east-1, the URL connection HTTP client. */
    public static DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    /** Stops the server; the next {@link #endpoint()} starts a new one. */
    public static synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
            endpoint = null;
        }
    }

    static synchronized void start(Path workingDir, String node) {
        Path cli = findCli(workingDir);
        // The free port is only free when we look; another process may take it before dynalite binds it.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = newLog();
            Process started = launch(node, cli, port, log);
            if (waitUntilListening(started, port, log)) {
                process = started;
                endpoint = URI.create("http://127.0.0.1:" + port);
                break;
            }
            if (attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("dynalite found no free port on 127.0.0.1 after " + PORT_ATTEMPTS
                        + " attempts: " + tail(log));
            }
        }
        if (!hookInstalled) {
            // Covers runs that never close the JUnit store (for example a crashed launcher).
            Runtime.getRuntime().addShutdownHook(new Thread(Dynalite::stop, "dynalite-stop"));
            hookInstalled = true;
        }
    }

    private static Path newLog() {
        try {
            Path log = Files.createTempFile("dynalite", ".log");
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a log file for dynalite: " + e.getMessage(), e);
        }
    }

    private static Process launch(String node, Path cli, int port, Path log) {
        // The *TableMs options make table changes instant, so tests need not wait for ACTIVE.
        List<String> command = List.of(node, cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Node.js (`" + node + "`) was not found on the PATH; install Node.js 20 or newer and run `make setup`.", e);
        }
    }

    /** Walks up from the working dir to the dir holding package.json and returns its dynalite CLI. */
    static Path findCli(Path workingDir) {
        for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                Path cli = dir.resolve("node_modules/dynalite/cli.js");
                if (Files.isRegularFile(cli)) {
                    return cli;
                }
                throw new IllegalStateException("dynalite is not installed in " + dir.resolve("node_modules") + "; run `make setup` in the repository root.");
            }
        }
        throw new IllegalStateException("No package.json found above " + workingDir.toAbsolutePath() + ", so dynalite cannot be located; run the tests from inside the repository after `make setup`.");
    }

    /**
     * True once this process listens on the port; false when another process took the port first. Readiness is
     * dynalite's own "listening at" line, printed once it has bound the port: a successful connection could come
     * from that other process.
     */
    private static boolean waitUntilListening(Process started, int port, Path log) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                if (tail(log).contains("EADDRINUSE")) {
                    return false;
                }
                throw new IllegalStateException("dynalite exited at startup (exit code " + started.exitValue() + "): "
                        + tail(log) + " — run `make setup` to reinstall it.");
            }
            if (tail(log).toLowerCase(Locale.ROOT).contains("listening at")) {
                return true;
            }
            sleep(50);
        }
        started.destroyForcibly();
        throw new IllegalStateException("dynalite did not answer on 127.0.0.1:" + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no output)" : text.substring(Math.max(0, text.length() - 500));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite", e);
        }
    }
}
