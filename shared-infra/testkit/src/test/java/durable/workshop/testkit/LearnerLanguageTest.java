package durable.workshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnerLanguageTest {

    @Test
    void workshopLangWinsOverTheLocale() {
        assertThat(LearnerLanguage.isJapanese(Map.of("WORKSHOP_LANG", "ja", "LANG", "en_US.UTF-8"))).isTrue();
        assertThat(LearnerLanguage.isJapanese(Map.of("WORKSHOP_LANG", "en", "LANG", "ja_JP.UTF-8"))).isFalse();
    }

    @Test
    void theFirstLocaleVariableThatIsSetDecides() {
        assertThat(LearnerLanguage.isJapanese(Map.of("LANG", "ja_JP.UTF-8"))).isTrue();
        assertThat(LearnerLanguage.isJapanese(Map.of("LC_ALL", "C.UTF-8", "LANG", "ja_JP.UTF-8"))).isFalse();
        assertThat(LearnerLanguage.isJapanese(Map.of())).isFalse();
    }
}
