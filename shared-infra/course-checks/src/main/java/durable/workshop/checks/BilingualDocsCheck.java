package durable.workshop.checks;

import java.util.List;

/**
 * Every Markdown file X.md has a Japanese twin X.ja.md with the same heading structure: the same number of
 * headings with the same levels in the same order.
 */
public final class BilingualDocsCheck {

    private BilingualDocsCheck() {
    }

    public static Problems check(Tree tree) {
        Problems problems = new Problems("Bilingual docs (X.md and X.ja.md)",
                "write the missing translation, or add/remove headings so both files have the same sequence of "
                        + "heading levels (#, ##, ### ...) in the same order.");
        for (String file : tree.files()) {
            if (!file.endsWith(".md")) {
                continue;
            }
            if (file.endsWith(".ja.md")) {
                String english = file.substring(0, file.length() - ".ja.md".length()) + ".md";
                if (!tree.exists(english)) {
                    problems.add(file + " has no English original " + english);
                }
                continue;
            }
            String japanese = file.substring(0, file.length() - ".md".length()) + ".ja.md";
            if (!tree.exists(japanese)) {
                problems.add(file + " has no Japanese twin " + japanese);
                continue;
            }
            String mismatch = compare(tree, file, japanese);
            if (mismatch != null) {
                problems.add(mismatch);
            }
        }
        return problems;
    }

    /** The first place the heading levels differ, or null when they match. */
    static String compare(Tree tree, String english, String japanese) {
        List<Markdown.Heading> en = Markdown.parse(tree.text(english).orElse("")).headings();
        List<Markdown.Heading> ja = Markdown.parse(tree.text(japanese).orElse("")).headings();
        int n = Math.min(en.size(), ja.size());
        for (int i = 0; i < n; i++) {
            if (en.get(i).level() != ja.get(i).level()) {
                return english + " and " + japanese + " differ at heading " + (i + 1) + ":\n  "
                        + english + " " + en.get(i) + "\n  " + japanese + " " + ja.get(i);
            }
        }
        if (en.size() > n) {
            return english + " has " + en.size() + " headings, " + japanese + " has " + ja.size()
                    + "; the first without a counterpart is " + english + " " + en.get(n);
        }
        if (ja.size() > n) {
            return japanese + " has " + ja.size() + " headings, " + english + " has " + en.size()
                    + "; the first without a counterpart is " + japanese + " " + ja.get(n);
        }
        return null;
    }
}
