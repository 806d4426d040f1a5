package durable.workshop.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds README sections by their GitHub anchors; README.ja.md has the same headings in the same order. */
final class Readme {

    private Readme() {
    }

    /** The GitHub anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        String text = heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("`", "")
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "");
        return text.replace(' ', '-');
    }

    /** Headings (without the #s), in order, outside fenced code blocks. */
    static List<String> headings(Path file) {
        List<String> headings = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return headings;
        }
        try {
            boolean inFence = false;
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                } else if (!inFence && line.matches("#{1,6} .*")) {
                    headings.add(line.replaceFirst("#{1,6} ", ""));
                }
            }
        } catch (IOException e) {
            return headings;
        }
        return headings;
    }

    /** Whether README.md has a heading with this anchor. */
    static boolean hasAnchor(Path lessonDir, String anchor) {
        return headings(lessonDir.resolve("README.md")).stream().anyMatch(h -> anchor(h).equals(anchor));
    }

    /**
     * "README.md#anchor", or for Japanese "README.ja.md#<anchor of the heading at the same position>".
     */
    static String link(Path lessonDir, String anchor, Lang lang) {
        if (lang == Lang.EN) {
            return "README.md#" + anchor;
        }
        List<String> en = headings(lessonDir.resolve("README.md"));
        List<String> ja = headings(lessonDir.resolve("README.ja.md"));
        for (int i = 0; i < en.size() && i < ja.size(); i++) {
            if (anchor(en.get(i)).equals(anchor)) {
                return "README.ja.md#" + anchor(ja.get(i));
            }
        }
        return "README.ja.md";
    }
}
