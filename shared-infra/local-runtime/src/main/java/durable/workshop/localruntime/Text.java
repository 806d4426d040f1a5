package durable.workshop.localruntime;

import java.util.Locale;

/** Output in the learner's language: Japanese with WORKSHOP_LANG=ja (or a Japanese locale), else English. */
final class Text {
    private static final boolean JAPANESE = japanese();

    private Text() {
    }

    static String say(String english, String japanese) {
        return JAPANESE ? japanese : english;
    }

    private static boolean japanese() {
        String chosen = System.getProperty("workshop.lang", System.getenv("WORKSHOP_LANG"));
        if (chosen != null && !chosen.isBlank()) {
            return chosen.toLowerCase(Locale.ROOT).startsWith("ja");
        }
        String lang = System.getenv("LANG");
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("ja");
    }
}
