package durable.workshop.grader;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a paragraph for an 80-to-100 column terminal. English breaks at spaces; Japanese has none, so a line
 * of it breaks between characters, which count as two columns each (as a terminal shows them).
 */
final class Wrap {

    static final int WIDTH = 100;

    private Wrap() {
    }

    /** {@code text} as lines of at most {@code width} columns, the first after {@code first}, the rest after {@code rest}. */
    static String paragraph(String text, String first, String rest, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int columns = first.length();
        int lastSpace = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int w = columns(c);
            if (columns + w > width && line.length() > rest.length()) {
                if (c == ' ') {
                    lines.add(line.toString());
                    line = new StringBuilder(rest);
                    columns = rest.length();
                    lastSpace = -1;
                    continue;
                }
                String carried = "";
                if (lastSpace > rest.length()) {
                    carried = line.substring(lastSpace + 1);
                    line.setLength(lastSpace);
                }
                lines.add(line.toString());
                line = new StringBuilder(rest).append(carried);
                columns = rest.length() + width(carried);
                lastSpace = -1;
            }
            if (c == ' ') {
                lastSpace = line.length();
            }
            line.append(c);
            columns += w;
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }

    private static int width(String s) {
        return s.chars().map(c -> columns((char) c)).sum();
    }

    /** East Asian wide characters (CJK, kana, full-width forms) take two columns. */
    private static int columns(char c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
    }
}
