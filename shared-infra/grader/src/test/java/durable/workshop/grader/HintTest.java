package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `make hint LESSON=n [EX=n.m]`: the next level of an exercise's hint (the scorecard showed level 1), for the
 * first exercise not passed at the learner's last check unless one is named.
 */
class HintTest {

    @TempDir
    Path repoRoot;

    private Fixtures.Run hint(String id, Lang lang) {
        Grader.Config grading = Fixtures.config(Grader.Mode.HINT, lang, repoRoot, Object.class, 30);
        return Fixtures.run(new Grader.Config(grading.mode(), grading.lessonDir(), grading.repoRoot(), lang,
                grading.timeoutSeconds(), true, false, id, grading.selectors(), grading.clock()));
    }

    private void lastCheckPassed(String... ids) throws IOException {
        Lesson lesson = Lesson.load(Fixtures.lessonDir(), Lang.EN);
        Progress.save(repoRoot, lesson, List.of(ids), Fixtures.NOW);
    }

    @Test
    void neverCheckedMeansTheFirstLevelOfTheFirstExercise() {
        Fixtures.Run run = hint(null, Lang.EN);

        assertThat(run.output()).startsWith("Hint 1/3 for 9.1 Say hello (the concept)\n  A greeting is a text.\n")
                .contains("Still stuck? `make hint LESSON=9` shows hint 2/3 (the API to use).")
                .doesNotContain("last check");
        assertThat(run.status()).isZero();
    }

    @Test
    void afterTheScorecardEachRequestRevealsOneLevelMoreThenKeepsTheLast() throws IOException {
        lastCheckPassed("9.1"); // the scorecard showed level 1 of 9.2

        assertThat(hint(null, Lang.EN).output())
                .startsWith("Hint 2/3 for 9.2 Count the greetings (the API to use)\n  Keep the count in a field.\n")
                .contains("`make hint LESSON=9` shows hint 3/3 (the code).")
                .contains("(The first exercise not passed at your last check; run `make check-lesson LESSON=9` to refresh.)");
        assertThat(hint(null, Lang.EN).output())
                .startsWith("Hint 3/3 for 9.2 Count the greetings (the code)\n  count++; return count;\n")
                .contains("This is the last level; asking again shows it again.");
        assertThat(hint(null, Lang.JA).output())
                .startsWith("演習 9.2「あいさつを数える」のヒント 3/3（コード）\n  count++; return count;\n")
                .contains("これが最後の段階です。");
    }

    @Test
    void levelsAreRememberedPerExerciseAndSurviveTheNextGrading() throws IOException {
        lastCheckPassed();
        hint("9.1", Lang.EN); // level 2: the scorecard showed level 1 of 9.1

        assertThat(hint("9.2", Lang.EN).output()).as("9.2 was not on the scorecard")
                .startsWith("Hint 1/3 for 9.2 ").contains("`make hint LESSON=9 EX=9.2` shows hint 2/3");
        lastCheckPassed("9.1");
        assertThat(Files.readString(Progress.file(repoRoot))).contains("\"9.1\" : 2");
        assertThat(hint("9.1", Lang.EN).output()).startsWith("Hint 3/3 for 9.1 ");
        assertThat(hint("9.2", Lang.EN).output()).startsWith("Hint 2/3 for 9.2 ");
    }

    @Test
    void noProgressOptionShowsWithoutRemembering() throws IOException {
        lastCheckPassed();
        Grader.Config grading = Fixtures.config(Grader.Mode.HINT, Lang.EN, repoRoot, Object.class, 30);
        Grader.Config readOnly = new Grader.Config(grading.mode(), grading.lessonDir(), repoRoot, Lang.EN, 30, false,
                false, "9.1", grading.selectors(), grading.clock());

        assertThat(Fixtures.run(readOnly).output()).startsWith("Hint 2/3 for 9.1 ");
        assertThat(Fixtures.run(readOnly).output()).startsWith("Hint 2/3 for 9.1 ");
    }

    @Test
    void aHintBeforeAnyGradingLeavesTheLessonNotStarted() throws IOException {
        hint(null, Lang.EN);
        Grader.Config overview = new Grader.Config(Grader.Mode.PROGRESS, repoRoot, repoRoot, Lang.EN, 30, true, false,
                null, List.of(), Fixtures.config(Grader.Mode.HINT, Lang.EN, repoRoot, Object.class, 30).clock());
        Files.createDirectories(repoRoot.resolve("lessons"));
        copyTree(Fixtures.lessonDir(), repoRoot.resolve("lessons/09-fixture"));

        assertThat(Fixtures.run(overview).output()).contains("not started");
        assertThat(hint(null, Lang.EN).output()).as("the level was remembered").startsWith("Hint 2/3 for 9.1 ");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void everythingPassedSaysSoInsteadOfRepeatingTheFirstHint() throws IOException {
        lastCheckPassed("9.1", "9.2");

        Fixtures.Run run = hint(null, Lang.JA);

        assertThat(run.output()).isEqualTo("前回のチェックで、レッスン 9 の演習はすべて合格しています。"
                + "特定の演習のヒントは `make hint LESSON=9 EX=9.1` で表示できます。\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void aNamedExerciseIsShownWhateverTheLastCheckSaid() throws IOException {
        lastCheckPassed("9.1", "9.2");

        assertThat(hint("9.1", Lang.EN).output()).startsWith("Hint 1/3 for 9.1 ").doesNotContain("last check");
    }

    @Test
    void anUnknownExerciseListsTheLessonsExercises() {
        Fixtures.Run run = hint("9.7", Lang.EN);

        assertThat(run.output()).isEqualTo("Exercise 9.7 is not in lesson 9; its exercises are: 9.1, 9.2.\n");
        assertThat(run.status()).isEqualTo(2);
    }
}
