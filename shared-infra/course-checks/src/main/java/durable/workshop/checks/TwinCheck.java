package durable.workshop.checks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Twin rule: lessons/NN-x and solutions/NN-x hold the same files with the same content, except the exercise
 * files lesson.json declares (which must differ) and, in pom.xml files, the track groupId.
 */
public final class TwinCheck {

    static final String LESSON_GROUP = "durable.workshop.lessons";
    static final String SOLUTION_GROUP = "durable.workshop.solutions";

    private TwinCheck() {
    }

    public static Problems check(Tree tree) {
        Problems problems = new Problems("Twin rule (lessons/NN-x vs solutions/NN-x)",
                "make the two files identical (copy one over the other), or, if the file is something the learner "
                        + "edits, list it in lesson.json \"exerciseFiles\". Poms may differ only in "
                        + LESSON_GROUP + " / " + SOLUTION_GROUP + ".");
        Set<String> lessons = new HashSet<>(Lessons.slugs(tree, Lessons.LESSONS));
        Set<String> solutions = new HashSet<>(Lessons.slugs(tree, Lessons.SOLUTIONS));
        for (String slug : Lessons.allSlugs(tree)) {
            if (!solutions.contains(slug)) {
                problems.add("lessons/" + slug + " has no twin: solutions/" + slug + " is missing");
            } else if (!lessons.contains(slug)) {
                problems.add("solutions/" + slug + " has no twin: lessons/" + slug + " is missing");
            } else {
                compare(tree, slug, problems);
            }
        }
        return problems;
    }

    private static void compare(Tree tree, String slug, Problems problems) {
        String lessonDir = Lessons.LESSONS + "/" + slug;
        String solutionDir = Lessons.SOLUTIONS + "/" + slug;
        Optional<Lessons.Metadata> meta = Lessons.metadata(tree, Lessons.LESSONS, slug)
                .filter(Lessons.Metadata::ok)
                .or(() -> Lessons.metadata(tree, Lessons.SOLUTIONS, slug).filter(Lessons.Metadata::ok));
        if (meta.isEmpty()) {
            problems.add(slug + ": no readable lesson.json, so no file may differ; see the lesson metadata check");
        }
        Set<String> exercises = new HashSet<>(meta.map(Lessons.Metadata::exerciseFiles).orElse(List.of()));

        Set<String> inLesson = new TreeSet<>(tree.filesUnder(lessonDir));
        Set<String> inSolution = new TreeSet<>(tree.filesUnder(solutionDir));
        Set<String> all = new TreeSet<>(inLesson);
        all.addAll(inSolution);
        all.addAll(exercises);

        for (String rel : all) {
            String lessonFile = lessonDir + "/" + rel;
            String solutionFile = solutionDir + "/" + rel;
            boolean l = inLesson.contains(rel);
            boolean s = inSolution.contains(rel);
            if (!l && !s) {
                problems.add(meta.get().path() + " lists exercise file " + rel + ", which exists in neither "
                        + lessonDir + " nor " + solutionDir);
            } else if (!s) {
                problems.add(solutionFile + " is missing (" + lessonFile + " exists)");
            } else if (!l) {
                problems.add(lessonFile + " is missing (" + solutionFile + " exists)");
            } else if (exercises.contains(rel)) {
                if (Arrays.equals(tree.bytes(lessonFile), tree.bytes(solutionFile))) {
                    problems.add(lessonFile + " is an exercise file but is identical to its solution: "
                            + "the skeleton should hold the TODOs");
                }
            } else if (rel.equals("pom.xml") || rel.endsWith("/pom.xml")) {
                comparePom(tree, lessonFile, solutionFile, problems);
            } else if (!Arrays.equals(tree.bytes(lessonFile), tree.bytes(solutionFile))) {
                problems.add(lessonFile + " differs from " + solutionFile + firstDifference(tree, lessonFile, solutionFile));
            }
        }
    }

    private static void comparePom(Tree tree, String lessonPom, String solutionPom, Problems problems) {
        String lesson = new String(tree.bytes(lessonPom), StandardCharsets.UTF_8);
        String solution = new String(tree.bytes(solutionPom), StandardCharsets.UTF_8);
        if (lesson.contains(SOLUTION_GROUP)) {
            problems.add(lessonPom + " mentions " + SOLUTION_GROUP + "; a lesson pom uses " + LESSON_GROUP);
        }
        if (solution.contains(LESSON_GROUP)) {
            problems.add(solutionPom + " mentions " + LESSON_GROUP + "; a solution pom uses " + SOLUTION_GROUP);
        }
        String expected = lesson.replace(LESSON_GROUP, SOLUTION_GROUP);
        if (!expected.equals(solution)) {
            problems.add(lessonPom + " differs from " + solutionPom + " beyond the track groupId"
                    + firstDifference(expected, solution));
        }
    }

    private static String firstDifference(Tree tree, String a, String b) {
        Optional<String> left = tree.text(a);
        Optional<String> right = tree.text(b);
        if (left.isEmpty() || right.isEmpty()) {
            return " (binary content)";
        }
        return firstDifference(left.get(), right.get());
    }

    /** "; first difference at line N" with both lines, so the reader sees what changed. */
    static String firstDifference(String left, String right) {
        String[] a = left.split("\n", -1);
        String[] b = right.split("\n", -1);
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (!a[i].equals(b[i])) {
                return "; first difference at line " + (i + 1) + ":\n  lessons:   " + clip(a[i])
                        + "\n  solutions: " + clip(b[i]);
            }
        }
        return a.length == b.length ? "; the bytes differ (character encoding)"
                : "; one file has " + Math.abs(a.length - b.length) + " more line(s) after line " + n;
    }

    private static String clip(String line) {
        String t = line.strip();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
