package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edit path of `make check-lesson` (Grader --compile) and one round of `make watch` (Watch.once), on a small
 * course: the JDK compiler instead of Maven, compile errors, a hanging test, an edit of a shared module.
 */
class EditPathTest {

    static final String BROKEN = TempCourse.GREETER.replace("\"Hello, \" + name", "\"Hello, \" + nme");
    static final String SOLVED_TEST = TempCourse.GRADED_TEST.replace(
            "throw new AssertionError(\"TODO 9.2: count the greetings\");", "");
    /** A learner's endless loop: it ignores interrupts; only the test's end (a system property) stops it. */
    static final String SPINNING = TempCourse.GREETER.replace("return \"Hello, \" + name;",
            "while (!Boolean.getBoolean(\"fixture.stop\")) { Thread.onSpinWait(); } return \"\";");

    @TempDir
    Path dir;

    TempCourse course;

    @BeforeEach
    void course() throws IOException {
        course = new TempCourse(dir);
    }

    @AfterEach
    void stopSpinning() {
        System.setProperty("fixture.stop", "true");
    }

    @Test
    void changedSourcesAreCompiledWithoutMavenThenGraded() throws IOException {
        TempCourse.Output run = course.checkLesson(Lang.EN);

        assertThat(run.err()).isEqualTo("==> Compiling lessons/09-fixture\n");
        assertThat(run.out()).contains("✔ 9.1").contains("✘ 9.2").contains("TODO 9.2: count the greetings");
        assertThat(run.status()).isEqualTo(1);
        assertThat(course.lesson.resolve("target/classes/fixture/Greeter.class")).exists();
        assertThat(course.lesson.resolve("target/classes/greeting.txt")).hasContent("hello");
        assertThat(course.lesson.resolve("target/test-classes/fixture/GreeterTest.class")).exists();
        assertThat(course.plan().action()).as("after the compile").isEqualTo(Changes.Action.NOTHING);

        course.save("lessons/09-fixture/src/test/java/fixture/GreeterTest.java", SOLVED_TEST);
        TempCourse.Output again = course.checkLesson(Lang.EN);
        assertThat(again.out()).contains("Score: 2/2 exercises");
        assertThat(again.status()).isZero();
    }

    @Test
    void theRunThatRecordsTheClassesCompilesEverythingWithoutSayingSo() throws IOException {
        course.checkLesson(Lang.EN);
        Path greeter = course.lesson.resolve("target/classes/fixture/Greeter.class");
        Object before = Files.readAttributes(greeter, "unix:ino").get("ino");

        TempCourse.Output run = course.checkLessonCompilingAll(Lang.EN);

        assertThat(run.err()).as("nothing changed, so no \"Compiling\" line").isEmpty();
        assertThat(run.out()).contains("✔ 9.1").contains("✘ 9.2");
        assertThat(Files.readAttributes(greeter, "unix:ino").get("ino")).as("compiled again").isNotEqualTo(before);

        course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java", BROKEN);
        TempCourse.Output broken = course.checkLessonCompilingAll(Lang.EN);
        assertThat(broken.err()).startsWith("==> Compiling lessons/09-fixture\n==> The code does not compile yet:");
        assertThat(broken.status()).isEqualTo(1);
    }

    @Test
    void testsAreCompiledAgainOnlyWhenTheMainApiChanged() throws IOException {
        course.checkLesson(Lang.EN);
        Path testClass = course.lesson.resolve("target/test-classes/fixture/GreeterTest.class");
        byte[] tests = Files.readAllBytes(testClass);
        Files.delete(testClass);
        Files.write(testClass, tests); // a new file: replaced test classes would be other files again
        Object before = Files.readAttributes(testClass, "unix:ino").get("ino");

        // A method body: the compiled tests still fit, and they run against the new code.
        course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java", TempCourse.GREETER.replace("\"Hello, \"", "\"Hi, \""));
        TempCourse.Output body = course.checkLesson(Lang.EN);
        assertThat(body.out()).contains("✘ 9.1").contains("TODO 9.1: say hello");
        assertThat(Files.readAttributes(testClass, "unix:ino").get("ino")).as("tests kept").isEqualTo(before);

        // A signature the tests use: compiled again, and the learner sees why they no longer compile.
        course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java",
                TempCourse.GREETER.replace("greet(String name)", "greet(String name, int times)"));
        TempCourse.Output signature = course.checkLesson(Lang.EN);
        assertThat(signature.err()).contains("GreeterTest.java").contains("method greet in class fixture.Greeter cannot be applied");
        assertThat(signature.status()).isEqualTo(1);
    }

    @Test
    void compileErrorsLookLikeMavensInTheLearnersLanguageAndKeepTheLastBuild() throws IOException {
        course.checkLesson(Lang.EN);
        byte[] good = Files.readAllBytes(course.lesson.resolve("target/classes/fixture/Greeter.class"));
        course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java", BROKEN);

        TempCourse.Output run = course.checkLesson(Lang.EN);
        assertThat(run.err()).isEqualTo("""
                ==> Compiling lessons/09-fixture
                ==> The code does not compile yet:
                  lessons/09-fixture/src/main/java/fixture/Greeter.java:5:28: cannot find symbol
                    symbol:   variable nme
                    location: class fixture.Greeter
                Fix the errors above, then run the command again.
                """);
        assertThat(run.out()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        assertThat(course.lesson.resolve("target/classes/fixture/Greeter.class")).hasBinaryContent(good);
        assertThat(course.plan().action()).as("still to compile").isEqualTo(Changes.Action.COMPILE);

        TempCourse.Output ja = course.checkLesson(Lang.JA);
        assertThat(ja.err()).contains("==> コードがまだコンパイルできません:")
                .contains("lessons/09-fixture/src/main/java/fixture/Greeter.java:5:28: シンボルを見つけられません")
                .contains("上のエラーを直してから、もう一度コマンドを実行してください。");
    }

    @Test
    void annotationProcessorsOnTheClasspathAreRunAsMavenWouldRunThem() throws IOException {
        assertThat(LessonCompiler.hasAnnotationProcessors(Changes.classpath(course.lesson))).isFalse();

        Path withProcessor = dir.resolve("processor");
        Files.createDirectories(withProcessor.resolve("META-INF/services"));
        Files.writeString(withProcessor.resolve("META-INF/services/javax.annotation.processing.Processor"), "p.P");
        assertThat(LessonCompiler.hasAnnotationProcessors(java.util.List.of(withProcessor))).isTrue();
    }

    @Test
    void aSharedModuleEditAsksForMavenInBothModes() throws IOException {
        course.checkLesson(Lang.EN);
        course.save("shared-infra/kit/src/main/java/kit/Kit.java", "package kit; public class Kit { int x; }");

        TempCourse.Output check = course.checkLesson(Lang.EN);
        assertThat(check.status()).isEqualTo(Grader.NEEDS_MAVEN);
        assertThat(check.out()).isEmpty();

        TempCourse.Output watch = course.watchOnce(Lang.EN);
        assertThat(watch.status()).isEqualTo(Grader.NEEDS_MAVEN);
        assertThat(watch.err()).isEqualTo("==> shared-infra/kit/src/main/java/kit/Kit.java changed: rebuilding with Maven.\n");
        assertThat(watch.out()).isEmpty();
    }

    @Test
    void watchGradesEachRoundWithTheClassesJustCompiled() throws IOException {
        TempCourse.Output first = course.watchOnce(Lang.EN);
        assertThat(first.status()).isEqualTo(-1);
        assertThat(first.out()).contains("Score: 1/2 exercises")
                .contains("Next: edit the code at the TODO above and save.").doesNotContain("make check-lesson");

        course.save("lessons/09-fixture/src/test/java/fixture/GreeterTest.java", SOLVED_TEST);
        TempCourse.Output second = course.watchOnce(Lang.EN);
        assertThat(second.out()).contains("Score: 2/2 exercises");
        assertThat(second.err()).isEqualTo("==> Compiling lessons/09-fixture\n");
    }

    @Test
    void watchShowsCompileErrorsAndWatchesOn() throws IOException {
        course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java", BROKEN);

        TempCourse.Output run = course.watchOnce(Lang.EN);
        assertThat(run.status()).as("watches on").isEqualTo(-1);
        assertThat(run.err()).contains("Greeter.java:5:28: cannot find symbol")
                .endsWith("Fix the errors above and save: the lesson is graded again.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aHangingTestTimesOutInBothModesAndWatchStartsAFreshJvm() throws IOException {
        System.setProperty("fixture.stop", "false");
        course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java", SPINNING);

        TempCourse.Output check = course.checkLesson(Lang.EN);
        assertThat(check.out()).contains("did not finish within 2 s");
        assertThat(check.status()).isEqualTo(1);

        TempCourse.Output watch = course.watchOnce(Lang.EN);
        assertThat(watch.out()).contains("did not finish within 2 s");
        assertThat(watch.status()).isEqualTo(Grader.NEEDS_RESTART);
        assertThat(watch.err()).contains("A test left a thread running").contains("an endless loop?");
    }
}
