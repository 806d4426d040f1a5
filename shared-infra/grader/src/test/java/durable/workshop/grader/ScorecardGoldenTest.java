package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.grader.fixture.SampleExercises;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scorecard of the fixture lesson (9.1 solved, 9.2 not) compared with golden files. After an intended change,
 * regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
class ScorecardGoldenTest {

    @TempDir
    Path repoRoot;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void scorecardMatchesTheGoldenFile(Lang lang) throws IOException {
        // Laid out as in the course, with the "learner code" compiled into the lesson's target/classes.
        Path lessonDir = repoRoot.resolve("lessons/09-fixture");
        copyFixtureLesson(lessonDir);
        Path greeter = Path.of("durable/workshop/grader/fixture/Greeter.class");
        Files.createDirectories(lessonDir.resolve("target/classes").resolve(greeter).getParent());
        Files.copy(Fixtures.testClasses().resolve(greeter), lessonDir.resolve("target/classes").resolve(greeter));
        Fixtures.Run run = Fixtures.run(Fixtures.config(Grader.Mode.GRADE, lang, repoRoot, lessonDir, SampleExercises.class, 30));

        String actual = Fixtures.normalize(run.output(), repoRoot);
        String name = "golden/scorecard." + lang.key() + ".txt";
        if (Boolean.getBoolean("golden.update")) {
            Path source = Paths.get("src/test/resources").resolve(name);
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual, StandardCharsets.UTF_8);
        }
        String expected = new String(getClass().getResourceAsStream("/" + name).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(actual).isEqualTo(expected);
        assertThat(run.status()).as("exit status while an exercise is unsolved").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void gradingSavesProgressThatTheOverviewShows(Lang lang) throws IOException {
        Files.writeString(repoRoot.resolve("package.json"), "{}");
        Path lessons = Files.createDirectories(repoRoot.resolve("lessons"));
        copyFixtureLesson(lessons.resolve("09-fixture"));
        Files.createDirectories(lessons.resolve("10-later"));
        Files.writeString(lessons.resolve("10-later/lesson.json"), """
                {"number": 10, "slug": "10-later", "title": {"en": "Later", "ja": "あとで"},
                 "exercises": [{"id": "10.1", "title": {"en": "T", "ja": "T"}, "readme": "x", "hint": {"en": "h", "ja": "h"}}]}
                """);
        Fixtures.run(Fixtures.config(Grader.Mode.GRADE, lang, repoRoot, SampleExercises.class, 30));

        String saved = Files.readString(Progress.file(repoRoot));
        assertThat(saved).contains("\"09-fixture\"").contains("\"9.1\"").doesNotContain("\"9.2\"")
                .contains("\"total\" : 2").contains("2026-01-02T03:04:05Z");

        Grader.Config overview = new Grader.Config(Grader.Mode.PROGRESS, repoRoot, repoRoot, lang, 30, true, false, null,
                List.of(), Clock.systemUTC());
        String output = Fixtures.run(overview).output();
        if (lang == Lang.EN) {
            assertThat(output).contains("09  Fixture lesson").contains("1/2 exercises")
                    .contains("10  Later").contains("not started").contains("make check-lesson LESSON=9");
        } else {
            assertThat(output).contains("09  フィクスチャのレッスン").contains("演習 1/2")
                    .contains("10  あとで").contains("未着手").contains("make check-lesson LESSON=9");
        }
    }

    private static void copyFixtureLesson(Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(Fixtures.lessonDir())) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
