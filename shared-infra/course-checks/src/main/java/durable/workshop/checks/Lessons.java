package durable.workshop.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Where lessons and solutions live and how to read their lesson.json. */
public final class Lessons {

    public static final String LESSONS = "lessons";
    public static final String SOLUTIONS = "solutions";
    public static final String METADATA = "lesson.json";

    /** A lesson directory name: two digits, a dash, a slug. */
    static final Pattern LESSON_DIR = Pattern.compile("\\d{2}-[a-z0-9][a-z0-9-]*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lessons() {
    }

    /** The lesson directory names directly under {@code track} ("lessons" or "solutions"). */
    public static List<String> slugs(Tree tree, String track) {
        TreeSet<String> out = new TreeSet<>();
        for (String f : tree.filesUnder(track)) {
            int slash = f.indexOf('/');
            if (slash > 0 && LESSON_DIR.matcher(f.substring(0, slash)).matches()) {
                out.add(f.substring(0, slash));
            }
        }
        return new ArrayList<>(out);
    }

    /** The union of lesson and solution directory names. */
    public static List<String> allSlugs(Tree tree) {
        TreeSet<String> out = new TreeSet<>(slugs(tree, LESSONS));
        out.addAll(slugs(tree, SOLUTIONS));
        return new ArrayList<>(out);
    }

    /** A parsed lesson.json, or the reason it could not be read. */
    public record Metadata(String path, JsonNode json, String error) {
        public boolean ok() {
            return json != null;
        }

        /** The exerciseFiles entries that are strings; others are reported by the metadata lint. */
        public List<String> exerciseFiles() {
            List<String> out = new ArrayList<>();
            if (json != null && json.path("exerciseFiles").isArray()) {
                for (JsonNode f : json.path("exerciseFiles")) {
                    if (f.isTextual() && !f.asText().isBlank()) {
                        out.add(f.asText());
                    }
                }
            }
            return out;
        }
    }

    /** Reads {@code track/slug/lesson.json}; empty when the file does not exist. */
    public static Optional<Metadata> metadata(Tree tree, String track, String slug) {
        String path = track + "/" + slug + "/" + METADATA;
        if (!tree.exists(path)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(tree.bytes(path));
            if (json == null || !json.isObject()) {
                return Optional.of(new Metadata(path, null, "is not a JSON object"));
            }
            return Optional.of(new Metadata(path, json, null));
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return Optional.of(new Metadata(path, null, "is not valid JSON: " + message));
        }
    }
}
