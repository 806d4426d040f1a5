package durable.workshop.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * `make hint LESSON=n [EX=n.m]`: the next level of one exercise's hint. The scorecard shows level 1 (the concept);
 * each request shows one level more (the API, then the code) and the last level stays once reached.
 */
final class Hints {

    private Hints() {
    }

    static int show(Grader.Config config, Lesson lesson, PrintStream out) throws IOException {
        Lang lang = config.lang();
        Progress.Saved saved = Progress.saved(config.repoRoot(), lesson.slug());
        String id = config.hintId();
        // Without an id: the first exercise not solved at the last grading (grading again would take seconds).
        boolean fromLastCheck = id == null;
        if (fromLastCheck) {
            Optional<String> open = firstUnsolved(lesson, saved);
            if (open.isEmpty()) {
                out.println(Messages.get(lang, "hintAllPassed", lesson.number(), lesson.number(),
                        lesson.exercises().get(0).id()));
                return 0;
            }
            id = open.get();
        }
        Lesson.Exercise exercise = lesson.exercise(id).orElse(null);
        if (exercise == null) {
            List<String> ids = lesson.exercises().stream().map(Lesson.Exercise::id).toList();
            out.println(Messages.get(lang, "unknownExercise", id, lesson.number(), String.join(", ", ids)));
            return 2;
        }
        int levels = exercise.hints().size();
        if (levels == 0) {
            out.println(Messages.get(lang, "hintFor", exercise.id(), exercise.title().in(lang)));
            out.println(Messages.get(lang, "noHint", exercise.id()));
            return 0;
        }
        int level = Math.min(levels, shownBefore(lesson, saved, exercise.id()) + 1);
        out.println(Messages.get(lang, "hintHeader", level, levels, exercise.id(), exercise.title().in(lang),
                levelName(lang, level, levels)));
        out.println(Wrap.paragraph(exercise.hint(level).in(lang), "  ", "  ", Wrap.WIDTH));
        out.println("  " + Messages.get(lang, "read") + ": "
                + Grader.relative(config.repoRoot(), config.lessonDir()) + "/" + Readme.link(config.lessonDir(), exercise.readme(), lang));
        String again = "make hint LESSON=" + lesson.number() + (fromLastCheck ? "" : " EX=" + exercise.id());
        out.println(level < levels
                ? Messages.get(lang, "hintAgain", again, level + 1, levels, levelName(lang, level + 1, levels))
                : Messages.get(lang, "hintLast"));
        if (fromLastCheck && saved.graded()) { // say what the choice of exercise rests on
            out.println(Messages.get(lang, "hintBasis", lesson.number()));
        }
        if (config.saveProgress()) {
            Progress.saveHintLevel(config.repoRoot(), lesson, exercise.id(), level);
        }
        return 0;
    }

    /**
     * The highest level the learner has seen: what `make hint` recorded, or level 1 when the last scorecard
     * explained this exercise (it shows level 1 of the first unsolved one).
     */
    private static int shownBefore(Lesson lesson, Progress.Saved saved, String id) {
        boolean onScorecard = saved.graded() && firstUnsolved(lesson, saved).filter(id::equals).isPresent();
        return Math.max(saved.hintLevel(id), onScorecard ? 1 : 0);
    }

    private static Optional<String> firstUnsolved(Lesson lesson, Progress.Saved saved) {
        return lesson.exercises().stream().map(Lesson.Exercise::id).filter(e -> !saved.passed().contains(e)).findFirst();
    }

    /** " (the API to use)": the three usual levels have names; other counts only numbers. */
    static String levelName(Lang lang, int level, int levels) {
        return levels == 3 ? Messages.get(lang, "hintLevel" + level) : "";
    }
}
