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

    enum Mode { GRADE, EXPECT_TODO, EXPECT_PASS, PROGRESS, HINT, EXERCISE_FILES }

    /** Everything one run needs; tests build it directly. */
    record Config(Mode mode, Path lessonDir, Path repoRoot, Lang lang, int timeoutSeconds, boolean saveProgress,
                  boolean verbose, String hintId, List<DiscoverySelector> selectors, Clock clock) {
    }

    private Grader() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Lang lang = Lang.detect(optionValue(args, "--lang"), System.getenv());
        int status;
        try {
            status = run(parse(args, System.getenv()), out);
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.print(Messages.get(lang, "usage"));
            status = 2;
        } catch (Lesson.LessonException e) {
            out.println(Messages.get(lang, "error", e.getMessage()));
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
                case GRADE, EXPECT_TODO, EXPECT_PASS -> grade(config, Lesson.load(config.lessonDir(), config.lang()), out);
            };
        } catch (IOException e) {
            out.println(Messages.get(config.lang(), "error", e.getMessage()));
            return 2;
        }
    }

    private static int grade(Config config, Lesson lesson, PrintStream out) throws IOException {
        Lang lang = config.lang();
        long started = System.nanoTime();
        // The lesson's tests word their own messages in the scorecard's language (testkit's LearnerLanguage).
        System.setProperty("workshop.lang", lang.key());
        List<TestOutcome> outcomes = TestRunner.run(config.selectors(), config.timeoutSeconds(), config.verbose());
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
