package durable.workshop.grader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** The fixture lesson under src/test/resources and helpers to grade it. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private Fixtures() {
    }

    static Path lessonDir() {
        try {
            return Paths.get(Fixtures.class.getResource("/fixture-lesson/lesson.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiled test classes: the fixture's "learner code" (Greeter) lives there. */
    static Path testClasses() {
        return lessonDir().getParent();
    }

    static Grader.Config config(Grader.Mode mode, Lang lang, Path repoRoot, Class<?> tests, int timeoutSeconds) {
        return config(mode, lang, repoRoot, lessonDir(), tests, timeoutSeconds);
    }

    static Grader.Config config(Grader.Mode mode, Lang lang, Path repoRoot, Path lessonDir, Class<?> tests, int timeoutSeconds) {
        return new Grader.Config(mode, lessonDir, repoRoot, lang, timeoutSeconds, true, false, null,
                List.of(DiscoverySelectors.selectClass(tests)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    record Run(int status, String output) {
    }

    static Run run(Grader.Config config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Grader.run(config, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Timing varies from run to run; everything else must be identical. */
    static String normalize(String output, Path repoRoot) {
        return output.replaceAll("\\d+\\.\\d s\\)", "N.N s)")
                .replaceAll("(テスト \\d+ 件、)\\d+\\.\\d 秒", "$1N.N 秒")
                .replace(repoRoot.toString(), "<root>");
    }
}
