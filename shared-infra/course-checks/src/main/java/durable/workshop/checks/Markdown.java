package durable.workshop.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Markdown for the checks: ATX headings, GitHub heading anchors, fenced code blocks, inline code
 * and links. Front matter (Marp slides), fenced code and HTML comments are never mistaken for headings.
 */
public final class Markdown {

    /** A heading: its level (1-6), its text and its 1-based line number. */
    public record Heading(int level, String text, int line) {
        @Override
        public String toString() {
            return "line " + line + " \"" + "#".repeat(level) + " " + text + "\"";
        }
    }

    /** A piece of code: the fence's info string ("" for inline code and bare fences), text, line. */
    public record Code(String info, boolean inline, String text, int line) {
    }

    /** A link target as written, with its line. */
    public record Link(String target, int line) {
    }

    // Any indentation: fences inside list items are indented more than the three spaces CommonMark allows at top level.
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \\t]+)#+$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");
    private static final Pattern LINK_TEXT = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private final List<Line> lines = new ArrayList<>();

    /** One source line and whether it is prose, fenced code (with its info string) or skipped. */
    private record Line(int number, String text, String fenceInfo, boolean skipped) {
        boolean prose() {
            return fenceInfo == null && !skipped;
        }
    }

    private Markdown(String source) {
        String[] raw = source.split("\r?\n", -1);
        int start = 0;
        if (raw.length > 0 && raw[0].strip().equals("---")) {
            // YAML front matter: skip to its closing line.
            for (int i = 1; i < raw.length; i++) {
                if (raw[i].strip().equals("---") || raw[i].strip().equals("...")) {
                    for (int j = 0; j <= i; j++) {
                        lines.add(new Line(j + 1, raw[j], null, true));
                    }
                    start = i + 1;
                    break;
                }
            }
        }
        String fence = null;
        String fenceInfo = null;
        boolean inComment = false;
        for (int i = start; i < raw.length; i++) {
            String text = raw[i];
            if (fence != null) {
                String t = text.strip();
                char fenceChar = fence.charAt(0);
                boolean closes = t.startsWith(fence) && t.chars().allMatch(c -> c == fenceChar);
                lines.add(new Line(i + 1, text, closes ? null : fenceInfo, closes));
                if (closes) {
                    fence = null;
                }
                continue;
            }
            if (inComment) {
                lines.add(new Line(i + 1, text, null, true));
                inComment = !text.contains("-->");
                continue;
            }
            Matcher m = FENCE.matcher(text);
            if (m.matches() && !(m.group(1).startsWith("`") && text.indexOf('`', text.indexOf(m.group(1)) + m.group(1).length()) >= 0)) {
                fence = m.group(1);
                fenceInfo = m.group(2).toLowerCase();
                lines.add(new Line(i + 1, text, null, true));
                continue;
            }
            int open = text.lastIndexOf("<!--");
            if (open >= 0 && text.indexOf("-->", open) < 0) {
                inComment = true;
            }
            lines.add(new Line(i + 1, text, null, false));
        }
    }

    public static Markdown parse(String source) {
        return new Markdown(source);
    }

    /** ATX headings outside code, comments and front matter, in order. */
    public List<Heading> headings() {
        List<Heading> out = new ArrayList<>();
        for (Line line : lines) {
            if (!line.prose()) {
                continue;
            }
            Matcher m = ATX.matcher(line.text());
            if (m.matches()) {
                String text = m.group(2) == null ? "" : m.group(2);
                text = CLOSING_HASHES.matcher(text).replaceFirst("").strip();
                out.add(new Heading(m.group(1).length(), text, line.number()));
            }
        }
        return out;
    }

    /** The anchors GitHub gives the headings, with "-1", "-2" … for repeats. */
    public Set<String> anchors() {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Heading h : headings()) {
            String base = anchor(h.text());
            int n = seen.merge(base, 1, Integer::sum) - 1;
            out.add(n == 0 ? base : base + "-" + n);
        }
        return out;
    }

    /**
     * GitHub's anchor for a heading: the rendered text in lower case, punctuation dropped except '-' and '_',
     * each space turned into '-'.
     */
    public static String anchor(String headingText) {
        String text = LINK_TEXT.matcher(headingText).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder();
        text.toLowerCase().codePoints().forEach(cp -> {
            if (cp == ' ') {
                out.append('-');
            } else if (cp == '-' || cp == '_' || Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Fenced code lines (one entry per line) and inline code spans in prose. */
    public List<Code> code() {
        List<Code> out = new ArrayList<>();
        for (Line line : lines) {
            if (line.fenceInfo() != null) {
                out.add(new Code(line.fenceInfo(), false, line.text(), line.number()));
            } else if (line.prose()) {
                Matcher m = INLINE_CODE.matcher(line.text());
                while (m.find()) {
                    out.add(new Code("", true, m.group(2).strip(), line.number()));
                }
            }
        }
        return out;
    }

    /** Link and image targets in prose (not in code). */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (Line line : lines) {
            if (!line.prose()) {
                continue;
            }
            String prose = INLINE_CODE.matcher(line.text()).replaceAll("");
            Matcher m = LINK.matcher(prose);
            while (m.find()) {
                out.add(new Link(m.group(1), line.number()));
            }
        }
        return out;
    }
}
