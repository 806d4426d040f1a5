package durable.workshop.localruntime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dynalite (DynamoDB in Node) on 127.0.0.1, its data kept in a folder so tables and items survive a restart. */
final class DynaliteServer implements AutoCloseable {
    private final Process process;
    final URI endpoint;

    DynaliteServer(Path dataDir, Path logFile) throws IOException {
        Path cli = findCli(Path.of("").toAbsolutePath());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            command.addAll(List.of("--path", dataDir.toString()));
        }
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("dynalite did not start; see " + logFile + ": " + Files.readString(logFile));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting dynalite", e);
                }
            }
        }
    }

    private static Path findCli(Path from) throws IOException {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path cli = dir.resolve("node_modules/dynalite/cli.js");
            if (Files.isRegularFile(cli)) {
                return cli;
            }
        }
        throw new IOException("node_modules/dynalite was not found above " + from + "; run `make setup` first.");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
