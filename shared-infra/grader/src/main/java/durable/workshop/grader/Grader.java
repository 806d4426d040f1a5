package durable.workshop.grader;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;

/**
 * The workshop grader. Run it on a lesson module's test classpath:
 *
 * <pre>java -cp target/test-classes:target/classes:&lt;test deps&gt; durable.workshop.grader.Grader --lesson-dir .</pre>
 *
 * Without a mode flag it grades the lesson and prints the scorecard; exit status 0 only when every exercise passes.
 */
public final class Grader {

    enum Mode { GRADE, EXPECT_TODO, EXPECT_PASS, PROGRESS, HINT, EXERCISE_FILES, PACK_CLASSPATH }

    /** Everything one run needs; tests build it directly. */
    record Config(Mode mode, Path lessonDir, Path repoRoot, Lang lang, int timeoutSeconds, boolean saveProgress,
                  boolean verbose, String hintId, List<DiscoverySelector> selectors, Clock clock) {
    }

    private Grader() {
    }

    /** Exit status of {@code --compile} and {@code --watch}: something Maven builds changed; the script runs Maven. */
    static final int NEEDS_MAVEN = 3;
    /** Exit status of {@code --watch}: a test left a thread running; the script starts a fresh JVM. */
    static final int NEEDS_RESTART = 4;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Lang lang = Lang.detect(optionValue(args, "--lang"), System.getenv());
        // --compile: compile what changed first (or ask for Maven); --compile-all: compile everything first (the
        // run that records the classes a check loads, the compiler's included); --watch: grade on every save.
        List<String> rest = new ArrayList<>(List.of(args));
        boolean watch = rest.remove("--watch");
        boolean compile = rest.remove("--compile");
        boolean compileAll = rest.remove("--compile-all");
        int status;
        try {
            Config config = parse(rest.toArray(String[]::new), System.getenv());
            status = watch ? Watch.run(config, out, err)
                    : compile || compileAll ? compileThenRun(config, compile, compileAll, out, err) : run(config, out);
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.print(Messages.get(lang, "usage"));
            status = 2;
        } catch (Lesson.LessonException e) {
            out.println(Messages.get(lang, "error", e.getMessage()));
            status = 2;
        } catch (IOException e) {
            out.println(Messages.get(lang, "error", Failures.describe(e)));
            status = 2;
        } catch (RuntimeException e) {
            // A learner needs the reason, not the grader's stack trace.
            out.println(Messages.get(lang, "error", Failures.describe(e)));
            status = 2;
        }
        out.flush();
        // Timed-out tests may leave threads behind; they must not keep the JVM alive.
        System.exit(status);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static Config parse(String[] args, Map<String, String> env) {
        Lang lang = Lang.detect(optionValue(args, "--lang"), env);
        Mode mode = Mode.GRADE;
        Path lessonDir = Paths.get("");
        Path root = null;
        int timeout = 60;
        boolean save = true;
        boolean verbose = false;
        String hint = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--lang" -> {
                    String value = value(args, ++i, arg, lang);
                    if (Lang.parse(value) == null) {
                        throw new UsageException(Messages.get(lang, "badOption", arg + " " + value));
                    }
                }
                case "--lesson-dir" -> lessonDir = Paths.get(value(args, ++i, arg, lang));
                case "--root" -> root = Paths.get(value(args, ++i, arg, lang)).toAbsolutePath().normalize();
                case "--timeout" -> timeout = seconds(value(args, ++i, arg, lang), lang);
                case "--no-progress" -> save = false;
                case "--verbose" -> verbose = true;
                case "--expect-todo" -> mode = Mode.EXPECT_TODO;
                case "--expect-pass" -> mode = Mode.EXPECT_PASS;
                case "--progress" -> mode = Mode.PROGRESS;
                case "--exercise-files" -> mode = Mode.EXERCISE_FILES;
                case "--pack-classpath" -> mode = Mode.PACK_CLASSPATH;
                case "--hint" -> {
                    mode = Mode.HINT;
                    // The exercise id is optional: without it, the hint of the first unsolved exercise.
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        hint = args[++i].strip();
                    }
                }
                default -> throw new UsageException(Messages.get(lang, "badOption", arg));
            }
        }
        lessonDir = lessonDir.toAbsolutePath().normalize();
        return new Config(mode, lessonDir, root != null ? root : repoRoot(lessonDir), lang, timeout, save, verbose, hint,
                TestRunner.testClassesOf(lessonDir), Clock.systemUTC());
    }

    static int run(Config config, PrintStream out) {
        try {
            return switch (config.mode()) {
                case PROGRESS -> {
                    Progress.print(config.repoRoot(), config.lang(), out);
                    yield 0;
                }
                case HINT -> Hints.show(config, Lesson.load(config.lessonDir(), config.lang()), out);
                case EXERCISE_FILES -> {
                    Lesson.load(config.lessonDir(), config.lang()).exerciseFiles().forEach(out::println);
                    yield 0;
                }
                case PACK_CLASSPATH -> {
                    LaunchClasspath.pack(config.lessonDir());
                    yield 0;
                }
                case GRADE, EXPECT_TODO, EXPECT_PASS -> grade(config, Lesson.load(config.lessonDir(), config.lang()), out);
            };
        } catch (IOException e) {
            out.println(Messages.get(config.lang(), "error", e.getMessage()));
            return 2;
        }
    }

    /**
     * `make check-lesson`: compiles the module's changed sources ({@code changed}) or all of them ({@code all}) with
     * the JDK compiler, then grades. With {@code changed}, returns {@link #NEEDS_MAVEN} without grading when Maven
     * must build first (a pom, lesson.json, a shared module). The scripts pass both on the run that records the
     * classes a check loads, so that the compiler's are among them.
     */
    static int compileThenRun(Config config, PrintStream out, PrintStream err) throws IOException {
        return compileThenRun(config, true, false, out, err);
    }

    static int compileThenRun(Config config, boolean changed, boolean all, PrintStream out, PrintStream err) throws IOException {
        Changes.Plan plan = changed ? Changes.plan(config.repoRoot(), config.lessonDir()) : Changes.Plan.nothing();
        if (plan.action() == Changes.Action.MAVEN
                || (plan.action() == Changes.Action.COMPILE || all) && !LessonCompiler.available()) {
            return NEEDS_MAVEN;
        }
        // Grading follows: the servers its tests use start while the sources compile.
        TestRunner.prewarm(config.lessonDir());
        // Compiling what is already compiled gives the same classes: not worth a "Compiling" line.
        boolean announce = plan.action() == Changes.Action.COMPILE;
        if (all) {
            plan = Changes.Plan.everything();
        }
        if (plan.action() == Changes.Action.COMPILE && !compile(config, plan, err, "compileFix", announce)) {
            return 1;
        }
        return run(config, out);
    }

    /**
     * Compiles as the plan says (saying so when {@code announce}); on errors prints them as the scripts print Maven's,
     * then {@code fixKey}.
     */
    static boolean compile(Config config, Changes.Plan plan, PrintStream err, String fixKey, boolean announce) throws IOException {
        Lang lang = config.lang();
        if (announce) {
            err.println("==> " + Messages.get(lang, "compiling", relative(config.repoRoot(), config.lessonDir())));
        }
        List<String> errors = LessonCompiler.compile(config.repoRoot(), config.lessonDir(), plan.main(), plan.test(), lang);
        if (errors.isEmpty()) {
            return true;
        }
        err.println("==> " + Messages.get(lang, "compileErrors"));
        errors.forEach(err::println);
        err.println(Messages.get(lang, fixKey));
        return false;
    }

    private static int grade(Config config, Lesson lesson, PrintStream out) throws IOException {
        TestRunner.prewarm(config.lessonDir());
        try (LessonClasses classes = LessonClasses.of(config.lessonDir())) {
            return grade(config, lesson, out, classes);
        }
    }

    /** Grades with the lesson's classes in {@code classes}: `make watch` checks its threads afterwards. */
    static int grade(Config config, Lesson lesson, PrintStream out, LessonClasses classes) throws IOException {
        Lang lang = config.lang();
        long started = System.nanoTime();
        // The lesson's tests word their own messages in the scorecard's language (testkit's LearnerLanguage).
        System.setProperty("workshop.lang", lang.key());
        List<TestOutcome> outcomes = classes.call(
                () -> TestRunner.run(config.selectors(), config.timeoutSeconds(), config.verbose()));
        double seconds = (System.nanoTime() - started) / 1e9;
        Scorecard card = new Scorecard(lesson, outcomes, lang, config.lessonDir().resolve("target/classes"),
                relative(config.repoRoot(), config.lessonDir()));
        if (config.mode() == Mode.GRADE) {
            card.print(out, outcomes.size(), seconds);
            if (config.saveProgress()) {
                Progress.save(config.repoRoot(), lesson, card.passedIds(), config.clock().instant());
            }
            return card.allPassed() ? 0 : 1;
        }
        boolean todo = config.mode() == Mode.EXPECT_TODO;
        out.println(Messages.get(lang, "header", lesson.number(), lesson.title().in(lang)) + "  "
                + Messages.get(lang, "ran", outcomes.size(), seconds));
        out.println(Messages.get(lang, todo ? "modeTodo" : "modePass"));
        List<String> problems = todo ? Verdicts.expectTodo(lesson, outcomes, lang) : Verdicts.expectPass(lesson, outcomes, lang);
        for (String problem : problems) {
            out.println("  ✘ " + problem);
        }
        String where = relative(config.repoRoot(), config.lessonDir());
        if (problems.isEmpty()) {
            out.println(Messages.get(lang, "verdictOk",
                    Messages.get(lang, todo ? "verdictTodoOk" : "verdictPassOk", lesson.exercises().size()) + " — " + where));
            return 0;
        }
        out.println(Messages.get(lang, "verdictFailed", problems.size(), where));
        if (todo && outcomes.stream().anyMatch(o -> o.passed() && !o.exerciseIds().isEmpty())) {
            // The usual cause: a learner ran `make test` after solving exercises in their clone.
            out.println(Messages.get(lang, "verdictSolvedHere"));
        }
        return 1;
    }

    /** The repository root: the nearest directory above the lesson that holds package.json and the Maven wrapper. */
    static Path repoRoot(Path lessonDir) {
        for (Path dir = lessonDir; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return lessonDir;
    }

    static String relative(Path root, Path dir) {
        String path = root.relativize(dir).toString().replace('\\', '/');
        return path.isEmpty() ? "." : path;
    }

    private static String optionValue(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String value(String[] args, int index, String option, Lang lang) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(Messages.get(lang, "badValue", option));
        }
        return args[index];
    }

    private static int seconds(String value, Lang lang) {
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new UsageException(Messages.get(lang, "badTimeout", value));
    }
}
