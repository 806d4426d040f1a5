package durable.workshop.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * `make watch`: grades the lesson, then again after every save of one of its sources, in this one JVM. The
 * libraries stay loaded and one dynalite serves every run; the lesson's own classes are compiled with the JDK
 * compiler and loaded afresh each time ({@link LessonClasses}). Runs happen one after another, so a save during a
 * run starts the next run after this scorecard, never in the middle of it.
 *
 * <p>It returns only when this JVM cannot go on: {@link Grader#NEEDS_MAVEN} when a pom, lesson.json or a shared
 * module changed, {@link Grader#NEEDS_RESTART} when a test left a thread running; the script then rebuilds or
 * restarts and watches on. Ctrl-C ends the JVM; the shutdown hooks stop dynalite.
 */
final class Watch {

    /** How often the files are looked at; with the settle time below, a save is seen within about 0.2 s. */
    private static final long POLL_MILLIS = 120;
    /** Editors may write a file in several steps (truncate, write, rename): let them finish. */
    private static final long SETTLE_MILLIS = 80;
    /** testkit's dynalite stays up between runs when this property is true. */
    static final String KEEP_DYNALITE = "workshop.dynalite.keep";

    private Watch() {
    }

    static int run(Grader.Config config, PrintStream out, PrintStream err) throws IOException {
        System.setProperty(KEEP_DYNALITE, "true");
        while (true) {
            FileTime seen = Changes.newest(config.repoRoot(), config.lessonDir());
            Optional<Integer> stop = once(config, out, err);
            if (stop.isPresent() && stop.get() == Grader.NEEDS_MAVEN) {
                return stop.get();
            }
            out.println();
            out.println(Messages.get(config.lang(), "watching", Grader.relative(config.repoRoot(), config.lessonDir())));
            waitForChange(config.repoRoot(), config.lessonDir(), seen);
            if (stop.isPresent()) { // the next round in a fresh JVM, once the learner has saved a fix
                return stop.get();
            }
        }
    }

    /** One round: rebuild what changed and grade. Empty to watch on, or the exit status that ends this JVM. */
    static Optional<Integer> once(Grader.Config config, PrintStream out, PrintStream err) throws IOException {
        Path root = config.repoRoot();
        Path dir = config.lessonDir();
        Lang lang = config.lang();
        Changes.Plan plan = Changes.plan(root, dir);
        if (plan.action() == Changes.Action.MAVEN
                || plan.action() == Changes.Action.COMPILE && !LessonCompiler.available()) {
            err.println("==> " + Messages.get(lang, "watchMaven", Grader.relative(root, plan.cause())));
            return Optional.of(Grader.NEEDS_MAVEN);
        }
        clearScreen(out);
        if (plan.action() == Changes.Action.COMPILE && !Grader.compile(config, plan, err, "watchFix", true)) {
            return Optional.empty();
        }
        try (LessonClasses classes = LessonClasses.of(dir)) {
            Lesson lesson = Lesson.load(dir, lang);
            // The whole scorecard at once, and its last line says what to do here: save, not run a command.
            ByteArrayOutputStream card = new ByteArrayOutputStream();
            Grader.grade(config, lesson, new PrintStream(card, true, StandardCharsets.UTF_8), classes);
            String runAgain = Messages.get(lang, "nextFix", "make check-lesson LESSON=" + lesson.number());
            out.print(card.toString(StandardCharsets.UTF_8).replace(runAgain, Messages.get(lang, "nextFixWatch")));
            out.flush();
            List<Thread> left = classes.leftoverThreads();
            if (!left.isEmpty()) {
                // An endless loop keeps a core busy and may hold on to state: only a new JVM ends it.
                err.println("==> " + Messages.get(lang, "watchRestart",
                        String.join(", ", left.stream().map(Thread::getName).toList())));
                return Optional.of(Grader.NEEDS_RESTART);
            }
        }
        return Optional.empty();
    }

    private static void waitForChange(Path root, Path dir, FileTime seen) {
        while (Changes.newest(root, dir).compareTo(seen) <= 0) {
            sleep(POLL_MILLIS);
        }
        sleep(SETTLE_MILLIS);
    }

    /** Each scorecard on a clean screen, as rustlings does; not when the output goes to a file. */
    private static void clearScreen(PrintStream out) {
        if (System.console() != null) {
            out.print("\033[H\033[2J\033[3J");
            out.flush();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
