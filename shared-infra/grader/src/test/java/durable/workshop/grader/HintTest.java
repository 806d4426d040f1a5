package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `make hint LESSON=n`: the hint of the first exercise not passed at the learner's last check. */
class HintTest {

    @TempDir
    Path repoRoot;

    private Fixtures.Run hint(String id, Lang lang) {
        Grader.Config grading = Fixtures.config(Grader.Mode.HINT, lang, repoRoot, Object.class, 30);
        return Fixtures.run(new Grader.Config(grading.mode(), grading.lessonDir(), grading.repoRoot(), lang,
                grading.timeoutSeconds(), false, false, id, grading.selectors(), grading.clock()));
    }

    private void lastCheckPassed(String... ids) throws IOException {
        Lesson lesson = Lesson.load(Fixtures.lessonDir(), Lang.EN);
        Progress.save(repoRoot, lesson, List.of(ids), Fixtures.NOW);
    }

    @Test
    void neverCheckedMeansTheFirstExercise() {
        Fixtures.Run run = hint(null, Lang.EN);

        assertThat(run.output()).startsWith("Hint for 9.1 ").doesNotContain("last check");
        assertThat(run.status()).isZero();
    }

    @Test
    void theFirstExerciseNotPassedAtTheLastCheckAndSaysSo() throws IOException {
        lastCheckPassed("9.1");

        Fixtures.Run run = hint(null, Lang.EN);

        assertThat(run.output()).startsWith("Hint for 9.2 ")
                .contains("(The first exercise not passed at your last check; run `make check-lesson LESSON=9` to refresh.)");
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

        assertThat(hint("9.1", Lang.EN).output()).startsWith("Hint for 9.1 ").doesNotContain("last check");
    }
}
