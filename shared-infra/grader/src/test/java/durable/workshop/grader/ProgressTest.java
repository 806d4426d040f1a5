package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    @TempDir
    Path repoRoot;

    @Test
    void aHandEditedProgressFileStillShowsTheScore() throws IOException {
        Path lesson = Files.createDirectories(repoRoot.resolve("lessons/09-fixture"));
        Files.copy(Fixtures.lessonDir().resolve("lesson.json"), lesson.resolve("lesson.json"));
        Files.createDirectories(repoRoot.resolve(".workshop"));
        Files.writeString(Progress.file(repoRoot), """
                {"lessons": {"09-fixture": {"passed": ["9.1", "9.9"], "updated": "yesterday"}}}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Progress.print(repoRoot, Lang.EN, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // 9.9 is not an exercise of the lesson, and "yesterday" is not a time: both are left out.
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1/2 exercises").doesNotContain("last graded")
                .contains("make check-lesson LESSON=9");
    }
}
