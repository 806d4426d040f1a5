package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void optionWinsOverEverything() {
        assertThat(Lang.detect("en", Map.of("WORKSHOP_LANG", "ja", "LANG", "ja_JP.UTF-8"))).isEqualTo(Lang.EN);
        assertThat(Lang.detect("JA", Map.of())).isEqualTo(Lang.JA);
    }

    @Test
    void workshopLangWinsOverTheLocale() {
        assertThat(Lang.detect(null, Map.of("WORKSHOP_LANG", "ja", "LANG", "en_US.UTF-8"))).isEqualTo(Lang.JA);
        assertThat(Lang.detect(null, Map.of("WORKSHOP_LANG", "en", "LC_ALL", "ja_JP.UTF-8"))).isEqualTo(Lang.EN);
    }

    @Test
    void aJapaneseLocaleMeansJapanese() {
        assertThat(Lang.detect(null, Map.of("LANG", "ja_JP.UTF-8"))).isEqualTo(Lang.JA);
        assertThat(Lang.detect(null, Map.of("LC_MESSAGES", "ja_JP"))).isEqualTo(Lang.JA);
        assertThat(Lang.detect(null, Map.of("LC_ALL", "ja"))).isEqualTo(Lang.JA);
    }

    @Test
    void lcAllOverridesLangAsInPosix() {
        assertThat(Lang.detect(null, Map.of("LC_ALL", "C.UTF-8", "LANG", "ja_JP.UTF-8"))).isEqualTo(Lang.EN);
        assertThat(Lang.detect(null, Map.of("LC_ALL", "", "LANG", "ja_JP.UTF-8"))).isEqualTo(Lang.JA);
    }

    @Test
    void englishByDefaultAndForUnknownValues() {
        assertThat(Lang.detect(null, Map.of())).isEqualTo(Lang.EN);
        assertThat(Lang.detect(null, Map.of("WORKSHOP_LANG", "fr", "LANG", "de_DE.UTF-8"))).isEqualTo(Lang.EN);
    }
}
