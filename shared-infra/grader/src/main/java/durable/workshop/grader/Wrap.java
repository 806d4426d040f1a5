package durable.workshop.grader;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a paragraph for an 80-to-100 column terminal. English breaks at spaces. Japanese has no spaces, so it
 * may break between any two characters where one is wide (two columns on a terminal), except before closing
 * punctuation and small kana or after an opening bracket. Near the end of a line a break that keeps phrases
 * whole is preferred: after 、 or 。, or where hiragana (particles, endings) meets kanji or katakana; failing
 * that, a space before a code name.
 */
final class Wrap {

    static final int WIDTH = 100;

    /** How far back (in columns) a preferred break still wins over a later plain one. */
    private static final int PREFERRED_REACH = 16;

    /** Characters that must not start a line (Japanese kinsoku rules, plus ASCII closing punctuation). */
    private static final String NO_LINE_START = "、。，．・：；？！ー）」』】〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ),.:;!?]}";
    /** Characters that must not end a line. */
    private static final String NO_LINE_END = "（「『【〈《([{";

    private Wrap() {
    }

    /** {@code text} as lines of at most {@code width} columns, the first after {@code first}, the rest after {@code rest}. */
    static String paragraph(String text, String first, String rest, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int indent = first.length(); // where the text starts on the current line
        // The last places in the line where a new line may start: any, after a space, between phrases.
        int anyBreak = -1;
        int spaceBreak = -1;
        int phraseBreak = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char previous = line.length() > 0 ? line.charAt(line.length() - 1) : ' ';
            if (line.length() > indent && mayBreakBetween(previous, c)) {
                anyBreak = line.length();
                if (previous == ' ') {
                    spaceBreak = anyBreak;
                } else if (endsPhrase(previous, c)) {
                    phraseBreak = anyBreak;
                }
            }
            if (width(line) + columns(c) > width && line.length() > indent) {
                int at = c == ' ' ? line.length()
                        : withinReach(line, phraseBreak) ? phraseBreak
                        : withinReach(line, spaceBreak) ? spaceBreak
                        : anyBreak > 0 ? anyBreak : line.length();
                String carried = line.substring(at);
                lines.add(line.substring(0, at).stripTrailing());
                line = new StringBuilder(rest).append(carried);
                indent = rest.length();
                anyBreak = spaceBreak = phraseBreak = -1;
            }
            if (c != ' ' || line.length() > indent) { // no space at the start of a line
                line.append(c);
            }
        }
        lines.add(line.toString().stripTrailing());
        return String.join("\n", lines);
    }

    private static boolean withinReach(CharSequence line, int at) {
        return at > 0 && width(line.subSequence(at, line.length())) <= PREFERRED_REACH;
    }

    /** A clause ends (、。) or a run of hiragana ends before kanji or katakana: a phrase boundary in Japanese. */
    private static boolean endsPhrase(char before, char after) {
        return before == '、' || before == '。' || (isHiragana(before) && columns(after) == 2 && !isHiragana(after));
    }

    private static boolean isHiragana(char c) {
        return c >= 0x3041 && c <= 0x309F;
    }

    /** Whether a line may end with {@code before} and the next start with {@code after}. */
    private static boolean mayBreakBetween(char before, char after) {
        if (after == ' ') {
            return false; // a space is dropped at the break that follows it
        }
        if (before == ' ') {
            return true;
        }
        if (NO_LINE_START.indexOf(after) >= 0 || NO_LINE_END.indexOf(before) >= 0) {
            return false;
        }
        return columns(before) == 2 || columns(after) == 2; // never inside an English word or a code name
    }

    private static int width(CharSequence s) {
        return s.chars().map(c -> columns((char) c)).sum();
    }

    /** East Asian wide characters (CJK, kana, full-width forms) take two columns. */
    private static int columns(char c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
    }
}
