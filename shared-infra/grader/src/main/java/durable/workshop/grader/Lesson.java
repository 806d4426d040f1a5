package durable.workshop.grader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A lesson's metadata, read from the lesson.json at the root of its function module. */
record Lesson(Path dir, int number, String slug, Text title, List<String> exerciseFiles, List<Exercise> exercises) {

    /** A text in both languages; a language may be missing (empty string). */
    record Text(String en, String ja) {
        String in(Lang lang) {
            String text = lang == Lang.JA ? ja : en;
            return text.isBlank() ? (lang == Lang.JA ? en : ja) : text;
        }

        boolean complete() {
            return !en.isBlank() && !ja.isBlank();
        }
    }

    /**
     * One graded exercise. Its hints come in levels that reveal more each time: the concept, then the API to use,
     * then the code. The scorecard shows level 1; `make hint` the next one.
     */
    record Exercise(String id, Text title, String readme, List<Text> hints) {
        /** The hint at a level counted from 1; a level past the last gives the last. Empty when there is none. */
        Text hint(int level) {
            return hints.isEmpty() ? new Text("", "") : hints.get(Math.max(1, Math.min(level, hints.size())) - 1);
        }

        /** Every level is there, in both languages. */
        boolean hintsComplete() {
            return !hints.isEmpty() && hints.stream().allMatch(Text::complete);
        }
    }

    /** Thrown for a missing or malformed lesson.json; the message is ready to show. */
    static final class LessonException extends RuntimeException {
        LessonException(String message) {
            super(message);
        }
    }

    Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    static Lesson load(Path dir, Lang lang) {
        Path file = dir.resolve("lesson.json");
        if (!Files.isRegularFile(file)) {
            throw new LessonException(Messages.get(lang, "lessonMissing", file));
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new LessonException(Messages.get(lang, "lessonJson", file, e.getOriginalMessage()));
        } catch (IOException e) {
            throw new LessonException(Messages.get(lang, "lessonJson", file, e.getMessage()));
        }
        Fields fields = new Fields(file, lang);
        int number = fields.number(root, "number");
        String slug = fields.text(root, "slug");
        Text title = fields.texts(root, "title", true);
        List<String> files = new ArrayList<>();
        JsonNode fileList = root.path("exerciseFiles");
        if (!fileList.isMissingNode() && !fileList.isArray()) {
            throw new LessonException(Messages.get(lang, "lessonList", file, "exerciseFiles"));
        }
        for (int i = 0; i < fileList.size(); i++) {
            JsonNode entry = fileList.get(i);
            // reset-lesson and the scorecard's TODO finder use these paths as they are.
            if (!entry.isTextual() || entry.asText().isBlank()) {
                throw new LessonException(Messages.get(lang, "lessonPath", file, "exerciseFiles[" + i + "]"));
            }
            files.add(entry.asText());
        }
        List<Exercise> exercises = new ArrayList<>();
        JsonNode list = root.path("exercises");
        if (!list.isArray() || list.isEmpty()) {
            throw new LessonException(Messages.get(lang, "lessonField", file, "exercises"));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = "exercises[" + i + "].";
            exercises.add(new Exercise(
                    fields.text(e, "id", at),
                    fields.texts(e, at + "title", true),
                    // "#anchor" and "anchor" both name the section; links add the '#' themselves.
                    e.path("readme").asText("").strip().replaceFirst("^#", ""),
                    fields.hints(e, at)));
        }
        return new Lesson(dir, number, slug, title, List.copyOf(files), List.copyOf(exercises));
    }

    /** Reads fields and names the missing one in the error. */
    private record Fields(Path file, Lang lang) {
        int number(JsonNode node, String name) {
            JsonNode value = node.path(name);
            if (!value.canConvertToInt()) {
                throw new LessonException(Messages.get(lang, "lessonField", file, name));
            }
            return value.asInt();
        }

        String text(JsonNode node, String name) {
            return text(node, name, "");
        }

        String text(JsonNode node, String name, String prefix) {
            String value = node.path(name).asText("");
            if (value.isBlank()) {
                throw new LessonException(Messages.get(lang, "lessonField", file, prefix + name));
            }
            return value;
        }

        /**
         * "hints": [{"en": ..., "ja": ...}, ...], one entry per level. A lesson.json written before hints had
         * levels has a single "hint": {"en": ..., "ja": ...}; it is read as one level.
         */
        List<Text> hints(JsonNode exercise, String at) {
            JsonNode levels = exercise.path("hints");
            if (levels.isMissingNode()) {
                Text single = texts(exercise, at + "hint", false);
                return single.en().isBlank() && single.ja().isBlank() ? List.of() : List.of(single);
            }
            if (!levels.isArray()) {
                throw new LessonException(Messages.get(lang, "lessonList", file, at + "hints"));
            }
            List<Text> hints = new ArrayList<>();
            for (JsonNode level : levels) {
                hints.add(new Text(level.path("en").asText(""), level.path("ja").asText("")));
            }
            return List.copyOf(hints);
        }

        /**
         * {"en": ..., "ja": ...} at {@code path} (its last dotted part is the field name). When required, at least
         * one language must be there; the other falls back to it (see {@link Text#in}).
         */
        Text texts(JsonNode node, String path, boolean required) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            JsonNode value = node.path(name);
            Text text = new Text(value.path("en").asText(""), value.path("ja").asText(""));
            if (required && text.en().isBlank() && text.ja().isBlank()) {
                throw new LessonException(Messages.get(lang, "lessonField", file, path + ".en"));
            }
            return text;
        }
    }
}
