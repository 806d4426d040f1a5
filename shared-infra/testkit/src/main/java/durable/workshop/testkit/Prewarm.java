package durable.workshop.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts, in the background, the local servers a module's tests are going to need, while the tests are still being
 * compiled or discovered: dynalite (with a first request, which readies the AWS SDK too) when a test class uses
 * {@link DynaliteTest}, and one {@link LocalHttpStub} server when one uses the stub. In a fresh JVM these are the
 * slowest first steps of a test run (about 0.3 s and 0.6 s). The tests get the same servers they would have started
 * themselves, and start them themselves if warming up failed.
 */
public final class Prewarm {

    private static final byte[] DYNALITE = "durable/workshop/testkit/DynaliteTest".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HTTP_STUB = "durable/workshop/testkit/LocalHttpStub".getBytes(StandardCharsets.UTF_8);

    private Prewarm() {
    }

    /** Looks at the compiled test classes under {@code testClasses} and starts what they use; returns at once. */
    public static void start(Path testClasses) {
        List<byte[]> classes = classFiles(testClasses);
        if (classes.stream().anyMatch(bytes -> contains(bytes, DYNALITE))) {
            background("dynalite", () -> {
                try (var client = Dynalite.newClient()) {
                    client.listTables();
                }
            });
        }
        if (classes.stream().anyMatch(bytes -> contains(bytes, HTTP_STUB))) {
            background("http-stub", LocalHttpStub::prewarm);
        }
    }

    private static void background(String what, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError failed) {
                // The first test starts it again and reports what went wrong.
            }
        }, "testkit-prewarm-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    private static List<byte[]> classFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).map(Prewarm::read).toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** A class file names the classes it uses in its constant pool, as UTF-8 text. */
    static boolean contains(byte[] bytes, byte[] text) {
        outer:
        for (int i = 0; i + text.length <= bytes.length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (bytes[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
