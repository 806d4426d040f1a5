package durable.workshop.grader;

import java.util.Locale;
import java.util.Map;

/** The language of every message: English or Japanese. */
public enum Lang {
    EN, JA;

    /**
     * {@code --lang} wins, then {@code WORKSHOP_LANG}, then the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG,
     * the first one set): a locale starting with {@code ja} means Japanese.
     */
    public static Lang detect(String option, Map<String, String> env) {
        Lang chosen = parse(option);
        if (chosen != null) {
            return chosen;
        }
        chosen = parse(env.get("WORKSHOP_LANG"));
        if (chosen != null) {
            return chosen;
        }
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("ja") ? JA : EN;
            }
        }
        return EN;
    }

    /** {@code en}/{@code ja} (any case), else null. */
    static Lang parse(String value) {
        if (value == null) {
            return null;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "ja": return JA;
            case "en": return EN;
            default: return null;
        }
    }

    /** The key used in lesson.json: {@code en} or {@code ja}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
