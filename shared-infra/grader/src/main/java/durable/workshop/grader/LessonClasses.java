package durable.workshop.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lesson module's own classes ({@code target/test-classes}, {@code target/classes}) in a class loader of their
 * own, above the JVM's (the dependencies, the shared modules, this grader). Each grading gets a fresh one, so
 * `make watch` runs the classes just compiled while the libraries stay loaded and warm.
 */
final class LessonClasses implements AutoCloseable {

    private final URLClassLoader loader;

    private LessonClasses(URLClassLoader loader) {
        this.loader = loader;
    }

    /** The module's class directories that exist; none (a test fixture on the JVM's classpath) means no own loader. */
    static LessonClasses of(Path lessonDir) {
        List<URL> urls = new ArrayList<>();
        for (String dir : List.of("target/test-classes", "target/classes")) {
            Path path = lessonDir.resolve(dir);
            if (Files.isDirectory(path)) {
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        ClassLoader parent = Grader.class.getClassLoader();
        return new LessonClasses(urls.isEmpty() ? null : new URLClassLoader("lesson", urls.toArray(URL[]::new), parent));
    }

    /** Runs {@code work} with the lesson's loader as the context class loader, which JUnit discovers classes with. */
    <T> T call(Supplier<T> work) {
        if (loader == null) {
            return work.get();
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Threads the run left running in the lesson's own code, for example a test that timed out in an endless loop.
     * They are interrupted and given a moment to end; those still running are returned.
     */
    List<Thread> leftoverThreads() {
        List<Thread> left = runningLessonCode();
        left.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + 1_000_000_000L;
        for (Thread thread : left) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runningLessonCode();
    }

    /** Live threads with a frame of a class from the lesson's directories (not of the JDK or a library). */
    private List<Thread> runningLessonCode() {
        List<Thread> running = new ArrayList<>();
        if (loader == null) {
            return running;
        }
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey() != Thread.currentThread() && thread.getKey().isAlive()
                    && Arrays.stream(thread.getValue()).anyMatch(this::isLessonCode)) {
                running.add(thread.getKey());
            }
        }
        return running;
    }

    private boolean isLessonCode(StackTraceElement frame) {
        // findResource looks in the lesson's directories only, not in the parent's classpath.
        return loader.findResource(frame.getClassName().replace('.', '/') + ".class") != null;
    }

    @Override
    public void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
