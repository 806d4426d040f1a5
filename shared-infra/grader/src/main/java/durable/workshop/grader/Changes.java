package durable.workshop.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What must be rebuilt before a lesson module is graded, decided from file times.
 *
 * <ul>
 *   <li>Maven, when nothing was built yet, a saved classpath entry is gone, or something Maven resolves changed:
 *       a pom, {@code lesson.json}, or a shared module the classpath holds as a directory (a reactor build).</li>
 *   <li>The JDK compiler alone ({@link LessonCompiler}), when only the module's own {@code src/main} or
 *       {@code src/test} changed. A change in {@code src/main} recompiles the tests too when the main classes'
 *       API changed ({@link CompiledApi}); they are compiled against it, as in Maven.</li>
 *   <li>Nothing otherwise.</li>
 * </ul>
 *
 * Maven's build time is the modification time of {@code target/grader.classpath} (the scripts set it to when the
 * build started); the compiler's is that of {@code target/grader.sources}, set to the newest source it compiled.
 * Directories count too, so a deleted or renamed source is a change.
 */
final class Changes {

    static final String CLASSPATH_FILE = "target/grader.classpath";
    static final String SOURCES_STAMP = "target/grader.sources";

    enum Action { NOTHING, COMPILE, MAVEN }

    /**
     * The decision; {@code main} and {@code test}: which source trees changed. {@code cause} is the first file found
     * that asks for it (null for nothing).
     */
    record Plan(Action action, boolean main, boolean test, Path cause) {
        static Plan nothing() {
            return new Plan(Action.NOTHING, false, false, null);
        }

        /** Compile the main and test sources, whatever changed. */
        static Plan everything() {
            return new Plan(Action.COMPILE, true, true, null);
        }

        static Plan maven(Path cause) {
            return new Plan(Action.MAVEN, true, true, cause);
        }
    }

    private Changes() {
    }

    static Plan plan(Path root, Path lessonDir) {
        Path classpathFile = lessonDir.resolve(CLASSPATH_FILE);
        for (Path needed : List.of(classpathFile, lessonDir.resolve("target/classes"), lessonDir.resolve("target/test-classes"))) {
            if (!Files.exists(needed)) {
                return Plan.maven(needed);
            }
        }
        List<Path> classpath = classpath(lessonDir);
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                return Plan.maven(entry);
            }
        }
        FileTime built = modified(classpathFile);
        Optional<Path> mavenInput = newerThan(built, mavenInputs(root, lessonDir, classpath));
        if (mavenInput.isPresent()) {
            return Plan.maven(mavenInput.get());
        }
        FileTime compiled = latest(built, modifiedOrNull(lessonDir.resolve(SOURCES_STAMP)));
        Optional<Path> main = newerThan(compiled, List.of(lessonDir.resolve("src/main")));
        Optional<Path> test = newerThan(compiled, List.of(lessonDir.resolve("src/test")));
        if (main.isEmpty() && test.isEmpty()) {
            return Plan.nothing();
        }
        return new Plan(Action.COMPILE, main.isPresent(), test.isPresent(), main.orElseGet(test::get));
    }

    /** The newest modification time of everything {@link #plan} looks at: what `make watch` polls. */
    static FileTime newest(Path root, Path lessonDir) {
        List<Path> inputs = new ArrayList<>(mavenInputs(root, lessonDir, classpath(lessonDir)));
        inputs.add(lessonDir.resolve("src"));
        inputs.add(lessonDir.resolve(CLASSPATH_FILE));
        FileTime newest = FileTime.fromMillis(0);
        for (Path input : inputs) {
            newest = latest(newest, newestUnder(input));
        }
        return newest;
    }

    /** The newest modification time under the module's own sources: the compiler's stamp after a build. */
    static FileTime newestSource(Path lessonDir) {
        return latest(FileTime.fromMillis(0), newestUnder(lessonDir.resolve("src")));
    }

    /** The saved test classpath: the dependencies, without the module's own classes. */
    static List<Path> classpath(Path lessonDir) {
        Path file = lessonDir.resolve(CLASSPATH_FILE);
        try {
            List<Path> entries = new ArrayList<>();
            for (String entry : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
            return entries;
        } catch (NoSuchFileException missing) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The module's poms and lesson.json, the parent poms (the track's, the course's and course-module-parent),
     * and for each shared module on the classpath as {@code <module>/target/classes}: its pom and sources.
     */
    static List<Path> mavenInputs(Path root, Path lessonDir, List<Path> classpath) {
        List<Path> inputs = new ArrayList<>(List.of(lessonDir.resolve("pom.xml"), lessonDir.resolve("lesson.json"),
                lessonDir.getParent().resolve("pom.xml"), root.resolve("pom.xml"),
                root.resolve("shared-infra/course-module-parent/pom.xml")));
        for (Path entry : classpath) {
            Path absolute = entry.toAbsolutePath().normalize();
            if (absolute.startsWith(root) && absolute.endsWith(Path.of("target", "classes"))) {
                Path module = absolute.getParent().getParent();
                inputs.add(module.resolve("pom.xml"));
                inputs.add(module.resolve("src"));
            }
        }
        return inputs;
    }

    private static Optional<Path> newerThan(FileTime time, List<Path> inputs) {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(input)) {
                Optional<Path> newer = files.filter(path -> modified(path).compareTo(time) > 0).findFirst();
                if (newer.isPresent()) {
                    return newer;
                }
            } catch (IOException | UncheckedIOException e) {
                return Optional.of(input); // a file vanished while we looked: it changed
            }
        }
        return Optional.empty();
    }

    private static FileTime newestUnder(Path input) {
        if (!Files.exists(input)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.map(Changes::modifiedOrNull).filter(t -> t != null).max(FileTime::compareTo).orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return FileTime.fromMillis(System.currentTimeMillis()); // changing right now
        }
    }

    private static FileTime latest(FileTime a, FileTime b) {
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modifiedOrNull(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return null;
        }
    }
}
