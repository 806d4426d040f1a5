package durable.workshop.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The learner's progress per lesson, kept in .workshop/progress.json at the repository root. */
final class Progress {

    /** Per lesson: exercise id -> the highest hint level `make hint` has shown. */
    private static final String HINTS = "hintLevels";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Progress() {
    }

    static Path file(Path repoRoot) {
        return repoRoot.resolve(".workshop/progress.json");
    }

    /** Records which exercises of the lesson pass now. */
    static void save(Path repoRoot, Lesson lesson, List<String> passed, Instant now) throws IOException {
        Path file = file(repoRoot);
        ObjectNode root = read(file);
        ObjectNode lessons = lessonsOf(root);
        // A new grading replaces the record of the last one, but not the hint levels the learner has seen.
        JsonNode hints = lessons.path(lesson.slug()).path(HINTS);
        ObjectNode entry = lessons.putObject(lesson.slug());
        entry.put("number", lesson.number());
        ArrayNode ids = entry.putArray("passed");
        passed.forEach(ids::add);
        entry.put("total", lesson.exercises().size());
        entry.put("updated", now.toString());
        if (hints.isObject()) {
            entry.set(HINTS, hints);
        }
        write(file, root);
    }

    /** What the progress file says about one lesson: its last grading and the hint levels shown. */
    record Saved(boolean graded, List<String> passed, Map<String, Integer> hintLevels) {
        /** The highest hint level `make hint` showed for the exercise, 0 when none. */
        int hintLevel(String id) {
            return hintLevels.getOrDefault(id, 0);
        }
    }

    /** The saved record of a lesson; an unreadable file counts as never graded. */
    static Saved saved(Path repoRoot, String slug) {
        JsonNode entry;
        try {
            entry = read(file(repoRoot)).path("lessons").path(slug);
        } catch (IOException unreadable) {
            entry = JSON.createObjectNode();
        }
        List<String> ids = new ArrayList<>();
        entry.path("passed").forEach(id -> ids.add(id.asText()));
        Map<String, Integer> levels = new LinkedHashMap<>();
        entry.path(HINTS).fields().forEachRemaining(level -> {
            if (level.getValue().canConvertToInt()) {
                levels.put(level.getKey(), level.getValue().asInt());
            }
        });
        return new Saved(entry.has("passed"), List.copyOf(ids), Map.copyOf(levels));
    }

    /** Records that `make hint` showed this level of the exercise's hint, so that the next request shows more. */
    static void saveHintLevel(Path repoRoot, Lesson lesson, String id, int level) throws IOException {
        Path file = file(repoRoot);
        ObjectNode root = read(file);
        ObjectNode lessons = lessonsOf(root);
        ObjectNode entry = lessons.get(lesson.slug()) instanceof ObjectNode saved ? saved : lessons.putObject(lesson.slug());
        ObjectNode hints = entry.get(HINTS) instanceof ObjectNode saved ? saved : entry.putObject(HINTS);
        hints.put(id, level);
        write(file, root);
    }

    /** One line per lesson under lessons/, graded or not, then the next thing to do. */
    static void print(Path repoRoot, Lang lang, PrintStream out) throws IOException {
        JsonNode saved = read(file(repoRoot)).path("lessons");
        List<Lesson> lessons = new ArrayList<>();
        Path track = repoRoot.resolve("lessons");
        if (Files.isDirectory(track)) {
            try (Stream<Path> dirs = Files.list(track)) {
                for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("lesson.json"))).sorted().toList()) {
                    lessons.add(Lesson.load(dir, lang));
                }
            }
        }
        out.println(Messages.get(lang, "progressTitle"));
        if (lessons.isEmpty()) {
            out.println(Messages.get(lang, "noLessons", track));
            return;
        }
        Integer next = null;
        for (Lesson lesson : lessons) {
            JsonNode entry = saved.path(lesson.slug());
            int total = lesson.exercises().size();
            String state;
            int passed = 0;
            if (!entry.has("passed")) { // never graded (`make hint` alone records only hint levels)
                state = Messages.get(lang, "notStarted");
            } else {
                for (JsonNode id : entry.path("passed")) {
                    if (lesson.exercise(id.asText()).isPresent()) {
                        passed++;
                    }
                }
                state = bar(passed, total) + "  " + Messages.get(lang, "solved", passed, total);
                state += lastGraded(entry.path("updated").asText(""), lang);
            }
            if (next == null && passed < total) {
                next = lesson.number();
            }
            out.printf("  %02d  %s %s%n", lesson.number(), pad(lesson.title().in(lang), 28), state);
        }
        out.println();
        out.println(next == null ? Messages.get(lang, "progressDone") : Messages.get(lang, "progressNext", next));
    }

    /** Pads to a column width on a terminal, where Japanese characters take two columns. */
    static String pad(String text, int columns) {
        // CJK punctuation, kana and ideographs start at U+3000; full-width forms at U+FF00.
        int width = text.codePoints().map(c -> c >= 0x3000 && c < 0xFF61 ? 2 : 1).sum();
        return text + " ".repeat(Math.max(1, columns - width));
    }

    /** "  (last graded ...)", or nothing when the saved time is missing or was edited into something else. */
    private static String lastGraded(String updated, Lang lang) {
        try {
            return "  (" + Messages.get(lang, "lastGraded", SHOWN.format(Instant.parse(updated))) + ")";
        } catch (DateTimeParseException unreadable) {
            return "";
        }
    }

    private static String bar(int passed, int total) {
        return "▓".repeat(passed) + "░".repeat(Math.max(0, total - passed));
    }

    private static ObjectNode lessonsOf(ObjectNode root) {
        return root.get("lessons") instanceof ObjectNode lessons ? lessons : root.putObject("lessons");
    }

    private static void write(Path file, ObjectNode root) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private static ObjectNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException corrupt) {
            // A damaged progress file only loses the record of past runs; start again.
            return JSON.createObjectNode();
        }
    }
}
