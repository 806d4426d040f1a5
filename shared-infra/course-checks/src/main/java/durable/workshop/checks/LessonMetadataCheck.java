package durable.workshop.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lesson metadata lint: lesson.json is complete in both languages and agrees with the directory, the README,
 * the skeleton's TODOs, the solution, and the graded test tags.
 */
public final class LessonMetadataCheck {

    private static final Pattern ANY_TODO = Pattern.compile("TODO\\s+\\d+\\.\\d+(?!\\d)");
    private static final Pattern TAG = Pattern.compile("@Tag\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"");
    private static final String EXERCISE_TAG = "exercise:";
    private static final int HINT_LEVELS = 3;

    private LessonMetadataCheck() {
    }

    public static Problems check(Tree tree) {
        Problems problems = new Problems("Lesson metadata (lesson.json)",
                "fix lesson.json in the lesson and copy it to the solution (the two are identical), "
                        + "or fix the file it points to.");
        for (String slug : Lessons.allSlugs(tree)) {
            lint(tree, slug, problems);
        }
        return problems;
    }

    private static void lint(Tree tree, String slug, Problems problems) {
        // The lesson's copy is the one a learner reads; the twin rule keeps the solution's identical.
        boolean hasLesson = tree.isDirectory(Lessons.LESSONS + "/" + slug);
        String track = hasLesson ? Lessons.LESSONS : Lessons.SOLUTIONS;
        String dir = track + "/" + slug;
        Optional<Lessons.Metadata> read = Lessons.metadata(tree, track, slug);
        if (read.isEmpty()) {
            problems.add(dir + "/" + Lessons.METADATA + " is missing");
            return;
        }
        Lessons.Metadata meta = read.get();
        if (!meta.ok()) {
            problems.add(meta.path() + " " + meta.error());
            return;
        }
        String where = meta.path();
        JsonNode json = meta.json();

        int expectedNumber = Integer.parseInt(slug.substring(0, 2));
        JsonNode number = json.get("number");
        if (number == null || !number.isInt()) {
            problems.add(where + ": \"number\" must be the lesson number " + expectedNumber);
        } else if (number.asInt() != expectedNumber) {
            problems.add(where + ": \"number\" is " + number.asInt() + " but the directory " + slug
                    + " says " + expectedNumber);
        }
        if (!slug.equals(json.path("slug").asText(null))) {
            problems.add(where + ": \"slug\" must be \"" + slug + "\" (the directory name), found "
                    + json.path("slug"));
        }
        requireBilingual(json, "title", where, "title", problems);

        List<String> exerciseFiles = checkExerciseFiles(tree, slug, json, where, problems);
        Map<String, String> readmeAnchors = new LinkedHashMap<>();
        List<String> ids = checkExercises(json, expectedNumber, where, readmeAnchors, problems);

        String readme = dir + "/README.md";
        if (!tree.exists(readme)) {
            problems.add(readme + " is missing; each exercise's \"readme\" anchor points into it");
        } else {
            Set<String> anchors = Markdown.parse(tree.text(readme).orElse("")).anchors();
            readmeAnchors.forEach((id, anchor) -> {
                if (!anchors.contains(anchor)) {
                    problems.add(where + ": exercise " + id + " has \"readme\": \"" + anchor + "\" but " + readme
                            + " has no heading with that anchor (anchors: " + String.join(", ", anchors) + ")");
                }
            });
        }

        checkTodos(tree, slug, exerciseFiles, ids, problems);
        checkTags(tree, dir, ids, problems);
    }

    private static List<String> checkExerciseFiles(Tree tree, String slug, JsonNode json, String where,
                                                   Problems problems) {
        List<String> out = new ArrayList<>();
        JsonNode files = json.get("exerciseFiles");
        if (files == null || !files.isArray() || files.isEmpty()) {
            problems.add(where + ": \"exerciseFiles\" must list the files the learner edits "
                    + "(paths relative to the lesson directory)");
            return out;
        }
        for (JsonNode f : files) {
            String rel = f.asText("");
            if (!f.isTextual() || rel.isBlank() || rel.startsWith("/") || rel.contains("..")) {
                problems.add(where + ": \"exerciseFiles\" entry " + f + " must be a relative path inside the lesson");
                continue;
            }
            out.add(rel);
            for (String track : List.of(Lessons.LESSONS, Lessons.SOLUTIONS)) {
                if (!tree.exists(track + "/" + slug + "/" + rel)) {
                    problems.add(where + ": exercise file " + track + "/" + slug + "/" + rel + " does not exist");
                }
            }
        }
        return out;
    }

    private static List<String> checkExercises(JsonNode json, int number, String where,
                                               Map<String, String> readmeAnchors, Problems problems) {
        List<String> ids = new ArrayList<>();
        JsonNode exercises = json.get("exercises");
        if (exercises == null || !exercises.isArray() || exercises.isEmpty()) {
            problems.add(where + ": \"exercises\" must be a non-empty list");
            return ids;
        }
        Pattern idPattern = Pattern.compile(number + "\\.[1-9]\\d*");
        for (int i = 0; i < exercises.size(); i++) {
            JsonNode ex = exercises.get(i);
            String at = "exercises[" + i + "]";
            String id = ex.path("id").asText("");
            if (!idPattern.matcher(id).matches()) {
                problems.add(where + ": " + at + ".id is \"" + id + "\"; expected \"" + number + ".m\" (m = 1, 2, ...)");
                continue;
            }
            if (ids.contains(id)) {
                problems.add(where + ": exercise id " + id + " appears twice");
                continue;
            }
            ids.add(id);
            at = "exercise " + id;
            requireBilingual(ex, "title", where, at + " title", problems);
            checkHints(ex, where, at, problems);
            String anchor = ex.path("readme").asText("");
            if (anchor.isBlank()) {
                problems.add(where + ": " + at + " needs \"readme\", the anchor of its section in README.md");
            } else {
                readmeAnchors.put(id, anchor.startsWith("#") ? anchor.substring(1) : anchor);
            }
        }
        return ids;
    }

    /** "hints": level 1 names the concept (the scorecard shows it), level 2 the API, level 3 the code. */
    private static void checkHints(JsonNode exercise, String where, String at, Problems problems) {
        JsonNode hints = exercise.get("hints");
        if (hints == null && exercise.has("hint")) {
            problems.add(where + ": " + at + " has the old single \"hint\"; write its levels as "
                    + "\"hints\": [{\"en\", \"ja\"} x 3] (the concept, the API to use, the code)");
            return;
        }
        if (hints == null || !hints.isArray()) {
            problems.add(where + ": " + at + " needs \"hints\", a list of " + HINT_LEVELS
                    + " levels {\"en\": ..., \"ja\": ...}: the concept, the API to use, the code");
            return;
        }
        if (hints.size() != HINT_LEVELS) {
            problems.add(where + ": " + at + " has " + hints.size() + " hint levels; \"hints\" needs exactly "
                    + HINT_LEVELS + " (the concept, the API to use, the code)");
        }
        for (int i = 0; i < hints.size(); i++) {
            for (String lang : List.of("en", "ja")) {
                if (hints.get(i).path(lang).asText("").isBlank()) {
                    problems.add(where + ": " + at + " hint level " + (i + 1) + " has no \"" + lang + "\" text (hints["
                            + i + "]." + lang + ")");
                }
            }
        }
    }

    private static void requireBilingual(JsonNode node, String field, String where, String what, Problems problems) {
        for (String lang : List.of("en", "ja")) {
            if (node.path(field).path(lang).asText("").isBlank()) {
                problems.add(where + ": " + what + " has no \"" + lang + "\" text (" + field + "." + lang + ")");
            }
        }
    }

    private static void checkTodos(Tree tree, String slug, List<String> exerciseFiles, List<String> ids,
                                   Problems problems) {
        StringBuilder skeleton = new StringBuilder();
        for (String rel : exerciseFiles) {
            String lessonFile = Lessons.LESSONS + "/" + slug + "/" + rel;
            if (tree.exists(lessonFile)) {
                skeleton.append(tree.text(lessonFile).orElse("")).append('\n');
            }
            String solutionFile = Lessons.SOLUTIONS + "/" + slug + "/" + rel;
            if (tree.exists(solutionFile)) {
                String[] lines = tree.text(solutionFile).orElse("").split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = ANY_TODO.matcher(lines[i]);
                    if (m.find()) {
                        problems.add(solutionFile + " line " + (i + 1) + " still has \"" + m.group()
                                + "\"; a solution has no exercise TODOs left");
                    }
                }
            }
        }
        if (!tree.isDirectory(Lessons.LESSONS + "/" + slug)) {
            return;
        }
        for (String id : ids) {
            Pattern todo = Pattern.compile("TODO\\s+" + Pattern.quote(id) + "(?!\\d)");
            if (!todo.matcher(skeleton).find()) {
                problems.add("no \"TODO " + id + "\" in the exercise files of lessons/" + slug + " "
                        + exerciseFiles + "; the skeleton marks every exercise point");
            }
        }
    }

    private static void checkTags(Tree tree, String dir, List<String> ids, Problems problems) {
        Set<String> tagged = new HashSet<>();
        String testDir = dir + "/src/test";
        for (String rel : tree.filesUnder(testDir)) {
            if (!rel.endsWith(".java")) {
                continue;
            }
            String file = testDir + "/" + rel;
            String[] lines = tree.text(file).orElse("").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = TAG.matcher(lines[i]);
                while (m.find()) {
                    String tag = m.group(1);
                    if (!tag.startsWith(EXERCISE_TAG)) {
                        continue;
                    }
                    String id = tag.substring(EXERCISE_TAG.length());
                    if (!ids.contains(id)) {
                        problems.add(file + " line " + (i + 1) + ": @Tag(\"" + tag + "\") names no exercise in "
                                + "lesson.json (known: " + String.join(", ", ids) + ")");
                    } else {
                        tagged.add(id);
                    }
                }
            }
        }
        for (String id : ids) {
            if (!tagged.contains(id)) {
                problems.add(dir + ": exercise " + id + " has no graded test; tag one with @Tag(\"exercise:"
                        + id + "\") in src/test");
            }
        }
    }
}
