package durable.workshop.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The learner-facing result of a grading run. */
final class Scorecard {

    private static final int MAX_TRACE_LINES = 30;
    private static final int TRACE_HEAD = 8;
    /** JUnit's timeout message: "... timed out after 60 seconds". */
    private static final Pattern TIMEOUT_SECONDS = Pattern.compile("after (\\d+) second");

    private final Lesson lesson;
    private final List<TestOutcome> outcomes;
    private final Lang lang;
    private final Path mainClasses;
    private final String lessonPath;

    Scorecard(Lesson lesson, List<TestOutcome> outcomes, Lang lang, Path mainClasses, String lessonPath) {
        this.lesson = lesson;
        this.outcomes = outcomes;
        this.lang = lang;
        this.mainClasses = mainClasses;
        this.lessonPath = lessonPath;
    }

    /** Tests of one exercise; an exercise is solved when it has tests and all of them pass. */
    List<TestOutcome> testsOf(String id) {
        return outcomes.stream().filter(o -> o.exerciseIds().contains(id)).toList();
    }

    boolean solved(String id) {
        List<TestOutcome> tests = testsOf(id);
        return !tests.isEmpty() && tests.stream().allMatch(TestOutcome::passed);
    }

    List<String> passedIds() {
        return lesson.exercises().stream().map(Lesson.Exercise::id).filter(this::solved).toList();
    }

    boolean allPassed() {
        return passedIds().size() == lesson.exercises().size();
    }

    void print(PrintStream out, int testCount, double seconds) {
        out.println(Messages.get(lang, "header", lesson.number(), lesson.title().in(lang)) + "  "
                + Messages.get(lang, "ran", testCount, seconds));
        out.println();
        Lesson.Exercise firstUnsolved = null;
        for (Lesson.Exercise exercise : lesson.exercises()) {
            boolean solved = solved(exercise.id());
            out.printf("  %s %-5s %s%n", solved ? "✔" : "✘", exercise.id(), exercise.title().in(lang));
            if (!solved && firstUnsolved == null) {
                firstUnsolved = exercise;
            }
        }
        out.println();
        if (firstUnsolved != null) {
            explain(out, firstUnsolved);
            out.println();
        }
        int passed = passedIds().size();
        out.println(Messages.get(lang, "score", passed, lesson.exercises().size()));
        boolean solution = lessonPath.startsWith("solutions/");
        String command = (solution ? "make check-solution LESSON=" : "make check-lesson LESSON=") + lesson.number();
        if (firstUnsolved != null) {
            out.println(Messages.get(lang, "nextFix", command));
        } else {
            out.println(Messages.get(lang, "allDone"));
            out.println(solution ? Messages.get(lang, "solutionDone", lesson.number())
                    : nextLessonExists()
                    ? Messages.get(lang, "nextLesson", lesson.number(), lesson.number() + 1)
                    : Messages.get(lang, "lastLesson", lesson.number()));
        }
    }

    /** Failure, code location, hint, README section and trace of the first unsolved exercise. */
    private void explain(PrintStream out, Lesson.Exercise exercise) {
        out.println(Messages.get(lang, "firstUnsolved", exercise.id(), exercise.title().in(lang)));
        Optional<TestOutcome> failing = testsOf(exercise.id()).stream().filter(o -> !o.passed()).findFirst();
        if (failing.isEmpty()) {
            out.println("  " + Messages.get(lang, "failure") + ": " + Messages.get(lang, "noTests"));
        }
        failing.ifPresent(test -> {
            out.println("  " + Messages.get(lang, "test") + ": " + test.name());
            out.println("  " + Messages.get(lang, "failure") + ":");
            out.println(indent(failureText(test, exercise.id()), "    "));
            if (test.error() != null) {
                String frame = Failures.learnerFrame(test.error(), mainClasses);
                if (frame != null) {
                    out.println("  " + Messages.get(lang, "where") + ": " + frame);
                }
            }
        });
        todoLocation(exercise.id()).ifPresent(at -> out.println("  " + Messages.get(lang, "todoAt") + ": " + at));
        // Level 1 names the concept; `make hint` reveals the API, then the code.
        String hint = exercise.hint(1).in(lang);
        if (!hint.isBlank()) {
            int levels = exercise.hints().size();
            String label = levels > 1
                    ? Messages.get(lang, "hintLevelOf", 1, levels) + Hints.levelName(lang, 1, levels)
                    : Messages.get(lang, "hint");
            out.println(Wrap.paragraph(hint, "  " + label + ": ", "    ", Wrap.WIDTH));
            if (levels > 1) {
                out.println(Messages.get(lang, "hintMore", lesson.number()));
            }
        }
        out.println("  " + Messages.get(lang, "read") + ": " + lessonPath + "/" + Readme.link(lesson.dir(), exercise.readme(), lang));
        failing.map(TestOutcome::trace).ifPresent(trace -> {
            out.println("  " + Messages.get(lang, "trace") + ":");
            String legend = Messages.get(lang, "traceLegend");
            if (!legend.isEmpty()) {
                out.println(Wrap.paragraph(legend, "    ", "    ", Wrap.WIDTH));
            }
            // Long traces keep their start and their end, where the execution suspended or failed.
            List<String> lines = trace.lines().toList();
            List<String> shown = new ArrayList<>(lines);
            if (lines.size() > MAX_TRACE_LINES + 1) { // cutting a single line would save nothing
                shown = new ArrayList<>(lines.subList(0, TRACE_HEAD));
                shown.add(Messages.get(lang, "traceCut", lines.size() - MAX_TRACE_LINES));
                shown.addAll(lines.subList(lines.size() - (MAX_TRACE_LINES - TRACE_HEAD), lines.size()));
            }
            out.println(indent(String.join("\n", shown), "    "));
        });
    }

    private String failureText(TestOutcome test, String id) {
        Throwable error = test.error();
        if (error == null) {
            return Messages.get(lang, "notRun", test.status());
        }
        if (Failures.isTimeout(error)) {
            return Messages.get(lang, "timedOut", timeoutOf(error));
        }
        String message = Failures.message(error);
        // An exception that carries the exercise's own TODO is the expected starting point, not a surprise.
        if (Failures.isAssertion(error) || message.contains("TODO " + id)) {
            return message;
        }
        return Messages.get(lang, "unexpected", message);
    }

    private static int timeoutOf(Throwable error) {
        Matcher m = TIMEOUT_SECONDS.matcher(String.valueOf(error.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** "lessons/01-x/src/.../Handler.java:42": where the exercise's TODO marker is in the exercise files. */
    private Optional<String> todoLocation(String id) {
        // Whole words only: the marker of 1.1 must not match "TODO 1.10".
        Pattern marker = Pattern.compile("\\b" + Pattern.quote("TODO " + id) + "\\b");
        for (String file : lesson.exerciseFiles()) {
            Path path = lesson.dir().resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(path);
                for (int i = 0; i < lines.size(); i++) {
                    if (marker.matcher(lines.get(i)).find()) {
                        return Optional.of(lessonPath + "/" + file + ":" + (i + 1));
                    }
                }
            } catch (IOException unreadable) {
                // Skip: the marker is a convenience.
            }
        }
        return Optional.empty();
    }

    private boolean nextLessonExists() {
        Path track = lesson.dir().getParent();
        if (track == null) {
            return false;
        }
        String prefix = String.format("%02d-", lesson.number() + 1);
        try (var dirs = Files.list(track)) {
            return dirs.anyMatch(d -> d.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
