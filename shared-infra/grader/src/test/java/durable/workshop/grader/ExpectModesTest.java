package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.grader.fixture.BrokenSkeletonSample;
import durable.workshop.grader.fixture.HangingSample;
import durable.workshop.grader.fixture.SampleExercises;
import durable.workshop.grader.fixture.TodoSkeletonSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectModesTest {

    @TempDir
    Path repoRoot;

    @Test
    void aSkeletonFailingWithItsOwnTodosPasses() {
        Fixtures.Run run = Fixtures.run(Fixtures.config(Grader.Mode.EXPECT_TODO, Lang.EN, repoRoot, TodoSkeletonSample.class, 30));

        assertThat(run.output()).contains("OK: all 2 exercises fail with their own TODO")
                .doesNotContain("If you solved exercises");
        assertThat(run.status()).isZero();
    }

    @Test
    void aSkeletonWithPassingTestsExplainsTheLikelyCause() {
        Fixtures.Run run = Fixtures.run(Fixtures.config(Grader.Mode.EXPECT_TODO, Lang.JA, repoRoot, SampleExercises.class, 30));

        assertThat(run.output()).contains("saysHello(): スケルトンでテストが合格しています")
                .contains("このクローンで演習を解いた場合は、これで正常です。")
                .contains("`make check-lesson`").contains("`make reset-lesson`");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void everySkeletonMistakeIsReported() {
        Fixtures.Run run = Fixtures.run(Fixtures.config(Grader.Mode.EXPECT_TODO, Lang.EN, repoRoot, BrokenSkeletonSample.class, 30));

        assertThat(run.output())
                .contains("passesAlready(): the test passes on the skeleton; it must fail with `TODO 9.1`")
                .contains("failsWithANullPointer(): fails with a NullPointerException")
                .contains("failsWithAnotherExercisesTodo(): the failure mentions another exercise's TODO 9.1")
                .contains("hasAnUnknownTag() is tagged with exercise 9.7")
                .contains("FAILED: 4 problem(s)")
                // An untagged test is an ordinary unit test, not graded.
                .doesNotContain("hasNoTag()");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aTestThatNeverEndsIsATimeoutNotATodo() {
        Fixtures.Run run = Fixtures.run(Fixtures.config(Grader.Mode.EXPECT_TODO, Lang.EN, repoRoot, HangingSample.class, 1));

        assertThat(run.output()).contains("hangs(): timed out instead of failing with its TODO");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aSolvedExerciseAloneDoesNotSatisfyExpectPass() {
        Fixtures.Run run = Fixtures.run(Fixtures.config(Grader.Mode.EXPECT_PASS, Lang.EN, repoRoot, SampleExercises.class, 30));

        assertThat(run.output()).contains("countsGreetings(): fails: UnsupportedOperationException: TODO 9.2: count the greetings")
                .doesNotContain("saysHello()");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void lessonMetadataMustBeBilingualAndPointAtTheReadme() {
        Lesson fixture = Lesson.load(Fixtures.lessonDir(), Lang.EN);
        Lesson broken = new Lesson(fixture.dir(), 9, "09-fixture", fixture.title(), List.of(), List.of(
                new Lesson.Exercise("9.1", new Lesson.Text("Say hello", ""), "exercise-91-say-hello", List.of(new Lesson.Text("Return it.", ""))),
                new Lesson.Exercise("9.2", fixture.exercises().get(1).title(), "no-such-section", fixture.exercises().get(1).hints())));
        List<TestOutcome> outcomes = List.of(
                new TestOutcome("T > a()", Set.of("9.1"), TestOutcome.Status.FAILED, new AssertionError("TODO 9.1"), null));

        assertThat(Verdicts.expectTodo(broken, outcomes, Lang.EN)).containsExactlyInAnyOrder(
                "exercise 9.1 needs every hint level in English and Japanese",
                "exercise 9.1 needs a title in English and Japanese",
                "exercise 9.2 has no graded test",
                "exercise 9.2: README.md has no section with the anchor #no-such-section");
    }

    @Test
    void compileErrorsAreNotTodos() {
        Lesson lesson = Lesson.load(Fixtures.lessonDir(), Lang.EN);
        List<TestOutcome> outcomes = List.of(
                new TestOutcome("T > a()", Set.of("9.1"), TestOutcome.Status.FAILED,
                        new NoClassDefFoundError("durable/workshop/lesson9/Greeter (TODO 9.1)"), null),
                new TestOutcome("T > b()", Set.of("9.2"), TestOutcome.Status.FAILED,
                        new IllegalStateException("TODO 9.2: count", new UnsupportedOperationException("inner")), null));

        assertThat(Verdicts.expectTodo(lesson, outcomes, Lang.EN))
                .singleElement().asString().startsWith("T > a(): fails with a compile or class loading error");
    }
}
