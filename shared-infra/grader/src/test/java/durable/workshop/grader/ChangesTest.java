package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What changed → what is rebuilt before grading. */
class ChangesTest {

    @TempDir
    Path dir;

    TempCourse course;

    @BeforeEach
    void builtAndCompiled() throws IOException {
        course = new TempCourse(dir);
        // As after a build: the compiler's stamp newer than every source.
        Path stamp = Files.createFile(course.lesson.resolve(Changes.SOURCES_STAMP));
        course.age(stamp, 60);
    }

    @Test
    void nothingChangedNothingIsRebuilt() {
        assertThat(course.plan().action()).isEqualTo(Changes.Action.NOTHING);
    }

    @Test
    void aMainSourceIsCompiledAndTheCompilerDecidesAboutTheTests() throws IOException {
        Path saved = course.save("lessons/09-fixture/src/main/java/fixture/Greeter.java", TempCourse.GREETER);

        // test=false: the tests are compiled again only if the main classes' API changed (CompiledApi).
        assertThat(course.plan()).isEqualTo(new Changes.Plan(Changes.Action.COMPILE, true, false, saved));
    }

    @Test
    void aTestSourceCompilesOnlyTheTests() throws IOException {
        course.save("lessons/09-fixture/src/test/java/fixture/GreeterTest.java", TempCourse.GRADED_TEST);

        Changes.Plan plan = course.plan();
        assertThat(plan.action()).isEqualTo(Changes.Action.COMPILE);
        assertThat(plan.main()).isFalse();
        assertThat(plan.test()).isTrue();
    }

    @Test
    void aResourceIsAChangeOfItsSourceSet() throws IOException {
        course.save("lessons/09-fixture/src/main/resources/greeting.txt", "hi");

        assertThat(course.plan().main()).isTrue();
    }

    @Test
    void aDeletedSourceIsAChange() throws IOException {
        Path greeter = course.lesson.resolve("src/main/java/fixture/Greeter.java");
        Files.delete(greeter);
        course.touch(greeter.getParent()); // what deleting does to the directory, made certain for the clock

        assertThat(course.plan().action()).isEqualTo(Changes.Action.COMPILE);
    }

    @Test
    void whatMavenResolvesNeedsMaven() throws IOException {
        for (String file : new String[] {"lessons/09-fixture/pom.xml", "lessons/09-fixture/lesson.json", "lessons/pom.xml",
                "pom.xml", "shared-infra/course-module-parent/pom.xml", "shared-infra/kit/pom.xml",
                "shared-infra/kit/src/main/java/kit/Kit.java"}) {
            LessonCompiler.deleteTree(dir);
            Files.createDirectories(dir);
            builtAndCompiled();
            Path saved = course.root.resolve(file);
            course.touch(saved);

            assertThat(course.plan()).as(file).isEqualTo(Changes.Plan.maven(saved));
        }
    }

    @Test
    void aModuleNotOnTheClasspathIsNotWatched() throws IOException {
        course.save("shared-infra/cdk-constructs/src/main/java/Other.java", "class Other { }");

        assertThat(course.plan().action()).isEqualTo(Changes.Action.NOTHING);
    }

    @Test
    void nothingBuiltOrAMissingEntryNeedsMaven() throws IOException {
        LessonCompiler.deleteTree(course.sharedModule.resolve("target"));
        assertThat(course.plan()).isEqualTo(Changes.Plan.maven(course.sharedModule.resolve("target/classes")));

        Files.delete(course.lesson.resolve(Changes.CLASSPATH_FILE));
        assertThat(course.plan()).isEqualTo(Changes.Plan.maven(course.lesson.resolve(Changes.CLASSPATH_FILE)));
    }

    @Test
    void withoutACompileSinceMavenTheMavenBuildTimeCounts() throws IOException {
        Files.delete(course.lesson.resolve(Changes.SOURCES_STAMP));
        assertThat(course.plan().action()).as("sources newer than the Maven build").isEqualTo(Changes.Action.COMPILE);

        course.ageAll(course.lesson.resolve("src"), 2400);
        assertThat(course.plan().action()).as("sources older than the Maven build").isEqualTo(Changes.Action.NOTHING);
    }

    @Test
    void aStaleStampOlderThanTheMavenBuildDoesNotHideIt() throws IOException {
        course.age(course.lesson.resolve(Changes.SOURCES_STAMP), 3000);
        course.ageAll(course.lesson.resolve("src"), 2400);

        assertThat(course.plan().action()).isEqualTo(Changes.Action.NOTHING);
    }

    @Test
    void watchSeesEverySaveItActsOn() throws IOException {
        var before = Changes.newest(course.root, course.lesson);
        course.save("shared-infra/kit/src/main/java/kit/Kit.java", "package kit; public class Kit { int x; }");

        assertThat(Changes.newest(course.root, course.lesson)).isGreaterThan(before);
    }
}
