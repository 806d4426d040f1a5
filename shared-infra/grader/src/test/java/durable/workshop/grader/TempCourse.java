package durable.workshop.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small course on disk, shaped like the real one: root and parent poms, a shared module built by the reactor
 * (its {@code target/classes} on the saved classpath), and lesson 9 with its own sources and graded tests.
 * Every file starts an hour old, the saved classpath half an hour old and the lesson's sources a quarter of an hour
 * old: they changed since the last Maven build and need compiling.
 */
final class TempCourse {

    static final String GREETER = """
            package fixture;

            public class Greeter {
                public static String greet(String name) {
                    return "Hello, " + name;
                }
            }
            """;

    static final String GRADED_TEST = """
            package fixture;

            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;

            class GreeterTest {
                @Test
                @Tag("exercise:9.1")
                void saysHello() {
                    if (!Greeter.greet("Ada").equals("Hello, Ada")) {
                        throw new AssertionError("TODO 9.1: say hello");
                    }
                }

                @Test
                @Tag("exercise:9.2")
                void counts() {
                    throw new AssertionError("TODO 9.2: count the greetings");
                }
            }
            """;

    final Path root;
    final Path lesson;
    final Path sharedModule;
    private final Instant start = Instant.now();

    TempCourse(Path root) throws IOException {
        this.root = root;
        this.lesson = root.resolve("lessons/09-fixture");
        this.sharedModule = root.resolve("shared-infra/kit");
        write("package.json", "{}");
        write("mvnw", "");
        write("pom.xml", "<project><properties><maven.compiler.release>17</maven.compiler.release></properties></project>");
        write("shared-infra/course-module-parent/pom.xml", "<project/>");
        write("shared-infra/kit/pom.xml", "<project/>");
        write("shared-infra/kit/src/main/java/kit/Kit.java", "package kit; public class Kit { }");
        Files.createDirectories(sharedModule.resolve("target/classes"));
        write("lessons/pom.xml", "<project/>");
        write("lessons/09-fixture/pom.xml", "<project/>");
        for (String file : List.of("lesson.json", "README.md", "README.ja.md")) {
            Files.copy(Fixtures.lessonDir().resolve(file), lesson.resolve(file));
        }
        write("lessons/09-fixture/src/main/java/fixture/Greeter.java", GREETER);
        write("lessons/09-fixture/src/main/resources/greeting.txt", "hello");
        write("lessons/09-fixture/src/test/java/fixture/GreeterTest.java", GRADED_TEST);
        Files.createDirectories(lesson.resolve("target/classes"));
        Files.createDirectories(lesson.resolve("target/test-classes"));
        List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        classpath.add(sharedModule.resolve("target/classes").toString());
        write("lessons/09-fixture/target/grader.classpath", String.join(java.io.File.pathSeparator, classpath));
        ageAll(root, 3600);
        age(lesson.resolve(Changes.CLASSPATH_FILE), 1800);
        ageAll(lesson.resolve("src"), 900);
    }

    Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Saves a file as an editor would: new content, modified now (later than anything before). */
    Path save(String relative, String text) throws IOException {
        Path file = write(relative, text);
        touch(file);
        return file;
    }

    void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
    }

    void age(Path file, long seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(start.minusSeconds(seconds)));
    }

    void ageAll(Path tree, long seconds) throws IOException {
        try (var files = Files.walk(tree)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                age(file, seconds);
            }
        }
    }

    Grader.Config config(Lang lang) {
        return Grader.parse(new String[] {"--lesson-dir", lesson.toString(), "--root", root.toString(),
                "--lang", lang.key(), "--timeout", "2"}, Map.of());
    }

    Changes.Plan plan() {
        return Changes.plan(root, lesson);
    }

    record Output(int status, String out, String err) {
    }

    interface Step {
        int run(Grader.Config config, PrintStream out, PrintStream err) throws IOException;
    }

    Output run(Lang lang, Step step) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int status = step.run(config(lang), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Output checkLesson(Lang lang) {
        return run(lang, Grader::compileThenRun);
    }

    /** The run after a build that records the classes a check loads: `--compile --compile-all`. */
    Output checkLessonCompilingAll(Lang lang) {
        return run(lang, (config, out, err) -> Grader.compileThenRun(config, true, true, out, err));
    }

    /** One round of `make watch`; status -1 when it would watch on. */
    Output watchOnce(Lang lang) {
        return run(lang, (config, out, err) -> Watch.once(config, out, err).orElse(-1));
    }
}
