package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken lesson.json gets one sentence that names the field, never a Jackson stack trace. */
class LessonTest {

    @TempDir
    Path dir;

    private static final String EXERCISE =
            "{\"id\": \"1.1\", \"title\": {\"en\": \"T\"}, \"readme\": \"#exercise-11\", \"hint\": {\"en\": \"h\"}}";

    private Lesson load(String json) throws IOException {
        Files.writeString(dir.resolve("lesson.json"), json);
        return Lesson.load(dir, Lang.EN);
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> load("{\"number\": 1, \"title\": {\"en\": \"x\"}, \"exercises\": [" + EXERCISE + "]}"))
                .isInstanceOf(Lesson.LessonException.class)
                .hasMessageEndingWith("lesson.json: the field `slug` is missing or empty.");
        assertThatThrownBy(() -> load("{\"number\": 1, \"slug\": \"01-x\", \"title\": {\"en\": \"x\"}, \"exercises\": ["
                + "{\"id\": \"1.1\", \"title\": {}, \"readme\": \"r\"}]}"))
                .hasMessageEndingWith("the field `exercises[0].title.en` is missing or empty.");
    }

    @Test
    void exerciseFilesMustBePaths() {
        String start = "{\"number\": 1, \"slug\": \"01-x\", \"title\": {\"en\": \"x\"}, \"exercises\": [" + EXERCISE + "], ";

        assertThatThrownBy(() -> load(start + "\"exerciseFiles\": [\"A.java\", 3]}"))
                .hasMessageEndingWith("`exerciseFiles[1]` must be a file path relative to the lesson module.");
        assertThatThrownBy(() -> load(start + "\"exerciseFiles\": \"A.java\"}"))
                .hasMessageEndingWith("`exerciseFiles` must be a list ([...]).");
    }

    @Test
    void invalidJsonSaysWhere() {
        assertThatThrownBy(() -> load("{\"number\": 1,"))
                .isInstanceOf(Lesson.LessonException.class)
                .hasMessageContaining("lesson.json is not valid JSON");
    }

    @Test
    void aReadmeAnchorMayStartWithAHash() throws IOException {
        Lesson lesson = load("{\"number\": 1, \"slug\": \"01-x\", \"title\": {\"en\": \"x\"}, \"exercises\": [" + EXERCISE + "]}");

        assertThat(lesson.exercises().get(0).readme()).isEqualTo("exercise-11");
        assertThat(lesson.exerciseFiles()).isEmpty();
    }

    @Test
    void hintsHaveLevelsAndAnOldSingleHintIsOneLevel() throws IOException {
        String start = "{\"number\": 1, \"slug\": \"01-x\", \"title\": {\"en\": \"x\"}, \"exercises\": [";
        Lesson levels = load(start + "{\"id\": \"1.1\", \"title\": {\"en\": \"T\"}, \"readme\": \"r\", \"hints\": ["
                + "{\"en\": \"concept\", \"ja\": \"考え方\"}, {\"en\": \"api\", \"ja\": \"API\"}, {\"en\": \"code\", \"ja\": \"コード\"}]}]}");
        Lesson.Exercise exercise = levels.exercises().get(0);

        assertThat(exercise.hints()).hasSize(3);
        assertThat(exercise.hint(1).in(Lang.JA)).isEqualTo("考え方");
        assertThat(exercise.hint(2).in(Lang.EN)).isEqualTo("api");
        assertThat(exercise.hint(7).in(Lang.EN)).as("past the last level").isEqualTo("code");
        assertThat(exercise.hintsComplete()).isTrue();

        Lesson.Exercise single = load(start + EXERCISE + "]}").exercises().get(0);
        assertThat(single.hints()).hasSize(1);
        assertThat(single.hint(2).in(Lang.EN)).isEqualTo("h");
        assertThat(single.hintsComplete()).as("no Japanese text").isFalse();
    }

    @Test
    void hintsMustBeAList() {
        assertThatThrownBy(() -> load("{\"number\": 1, \"slug\": \"01-x\", \"title\": {\"en\": \"x\"}, \"exercises\": ["
                + "{\"id\": \"1.1\", \"title\": {\"en\": \"T\"}, \"readme\": \"r\", \"hints\": {\"en\": \"h\"}}]}"))
                .hasMessageEndingWith("`exercises[0].hints` must be a list ([...]).");
    }
}
