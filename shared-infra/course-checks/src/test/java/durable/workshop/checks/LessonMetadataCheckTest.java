package durable.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonMetadataCheckTest {

    private static final String METADATA = "lesson.json";

    @TempDir
    Path dir;

    private Fixture course;

    private Problems checkWithMetadata(String from, String to) {
        course = Fixture.validCourse(dir);
        course.writeBoth(METADATA, course.read("lessons/01-demo/" + METADATA).replace(from, to));
        return LessonMetadataCheck.check(course.tree());
    }

    @Test
    void aCompleteLessonPasses() {
        assertThat(LessonMetadataCheck.check(Fixture.validCourse(dir).tree()).list()).isEmpty();
    }

    @Test
    void invalidJsonIsReportedWithoutAStackTrace() {
        Fixture f = Fixture.validCourse(dir);
        f.writeBoth(METADATA, "{\"number\": 1,");

        assertThat(LessonMetadataCheck.check(f.tree()).list()).singleElement().asString()
                .startsWith("lessons/01-demo/lesson.json is not valid JSON");
    }

    @Test
    void aNumberThatDisagreesWithTheDirectoryIsReported() {
        assertThat(checkWithMetadata("\"number\": 1", "\"number\": 2").list()).singleElement().asString()
                .contains("\"number\" is 2 but the directory 01-demo says 1");
    }

    @Test
    void aMissingJapaneseHintIsReported() {
        assertThat(checkWithMetadata("\"ja\": \"挨拶を返します。\"", "\"ja\": \"\"").list()).singleElement().asString()
                .contains("exercise 1.1 hint level 3 has no \"ja\" text (hints[2].ja)");
    }

    @Test
    void hintsNeedExactlyThreeLevels() {
        assertThat(checkWithMetadata("{\"en\": \"Use String.format.\", \"ja\": \"String.format を使います。\"},", "")
                .list()).singleElement().asString()
                .contains("exercise 1.1 has 2 hint levels; \"hints\" needs exactly 3");
    }

    @Test
    void theOldSingleHintIsReportedWithTheNewShape() {
        Problems problems = checkWithMetadata("\"hints\": [", "\"hint\": {\"en\": \"h\", \"ja\": \"h\"}, \"hints_old\": [");

        assertThat(problems.list()).anySatisfy(p -> assertThat(p)
                .contains("exercise 1.1 has the old single \"hint\"")
                .contains("\"hints\": [{\"en\", \"ja\"} x 3]"));
    }

    @Test
    void aReadmeAnchorWithoutHeadingIsReported() {
        assertThat(checkWithMetadata("exercise-11-say-hello", "exercise-1-say-hello").list())
                .singleElement().asString()
                .contains("\"readme\": \"exercise-1-say-hello\" but lessons/01-demo/README.md has no heading")
                .contains("exercise-11-say-hello");
    }

    @Test
    void anExerciseWithoutTodoTestOrTagIsReported() {
        Problems problems = checkWithMetadata("\"exercises\": [",
                "\"exercises\": [{\"id\": \"1.2\", \"title\": {\"en\": \"T\", \"ja\": \"T\"}, "
                        + "\"readme\": \"exercises\", \"hints\": [{\"en\": \"H\", \"ja\": \"H\"}, "
                        + "{\"en\": \"H\", \"ja\": \"H\"}, {\"en\": \"H\", \"ja\": \"H\"}]},");

        assertThat(problems.list()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("no \"TODO 1.2\" in the exercise files of lessons/01-demo"))
                .anySatisfy(p -> assertThat(p).contains("exercise 1.2 has no graded test"));
    }

    @Test
    void aTodoLeftInTheSolutionIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.write("solutions/01-demo/" + Fixture.HANDLER, "class Handler { } // TODO 1.1 finish\n");

        assertThat(LessonMetadataCheck.check(f.tree()).list()).singleElement().asString()
                .isEqualTo("solutions/01-demo/src/main/java/demo/Handler.java line 1 still has \"TODO 1.1\"; "
                        + "a solution has no exercise TODOs left");
    }

    @Test
    void aTestTaggedWithAnUnknownExerciseIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.writeBoth("src/test/java/demo/MoreTest.java", "class MoreTest {\n  @Tag(\"exercise:1.9\") void t() { }\n}\n");

        assertThat(LessonMetadataCheck.check(f.tree()).list()).singleElement().asString()
                .contains("MoreTest.java line 2: @Tag(\"exercise:1.9\") names no exercise in lesson.json (known: 1.1)");
    }

    @Test
    void aMissingExerciseFileIsReported() {
        assertThat(checkWithMetadata("Handler.java", "Missing.java").list())
                .anySatisfy(p -> assertThat(p).contains("exercise file lessons/01-demo/src/main/java/demo/Missing.java does not exist"))
                .anySatisfy(p -> assertThat(p).contains("no \"TODO 1.1\""));
    }

    @Test
    void badIdsAndMissingFieldsAreNamed() {
        Problems problems = checkWithMetadata("\"id\": \"1.1\"", "\"id\": \"2.1\"");
        assertThat(problems.list()).anySatisfy(p -> assertThat(p)
                .contains("exercises[0].id is \"2.1\"; expected \"1.m\""));
    }
}
