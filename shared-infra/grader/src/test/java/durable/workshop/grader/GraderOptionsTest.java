package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderOptionsTest {

    @Test
    void readsModesAndValues() {
        Grader.Config config = Grader.parse(new String[] {"--lesson-dir", "x", "--timeout", "5", "--hint", "1.2", "--no-progress"},
                Map.of("WORKSHOP_LANG", "ja"));

        assertThat(config.mode()).isEqualTo(Grader.Mode.HINT);
        assertThat(config.hintId()).isEqualTo("1.2");
        assertThat(config.timeoutSeconds()).isEqualTo(5);
        assertThat(config.saveProgress()).isFalse();
        assertThat(config.lang()).isEqualTo(Lang.JA);
        assertThat(config.lessonDir().getFileName()).hasToString("x");
    }

    @Test
    void hintWithoutAnIdMeansTheNextOpenExercise() {
        Grader.Config config = Grader.parse(new String[] {"--hint", "--lang", "en"}, Map.of());

        assertThat(config.hintId()).isNull();
        assertThat(config.lang()).isEqualTo(Lang.EN);
    }

    @Test
    void badOptionsNameTheProblemInTheChosenLanguage() {
        assertThatThrownBy(() -> Grader.parse(new String[] {"--timeout", "0"}, Map.of()))
                .hasMessage("--timeout must be a whole number of seconds above 0, not 0.");
        assertThatThrownBy(() -> Grader.parse(new String[] {"--lesson-dir"}, Map.of("LANG", "ja_JP.UTF-8")))
                .hasMessage("オプション --lesson-dir には値が必要です。");
        assertThatThrownBy(() -> Grader.parse(new String[] {"--bogus"}, Map.of())).hasMessage("Unknown option --bogus.");
    }
}
