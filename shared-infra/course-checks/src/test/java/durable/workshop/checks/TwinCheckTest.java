package durable.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinCheckTest {

    @TempDir
    Path dir;

    @Test
    void twinsThatDifferOnlyInExerciseFilesAndPomGroupPass() {
        Fixture f = Fixture.validCourse(dir);
        assertThat(TwinCheck.check(f.tree()).list()).isEmpty();
    }

    @Test
    void aDifferenceOutsideTheExerciseFilesIsReportedWithTheLine() {
        Fixture f = Fixture.validCourse(dir);
        f.write("solutions/01-demo/src/test/java/demo/HandlerTest.java", "class HandlerTest { }\n");

        Problems problems = TwinCheck.check(f.tree());

        assertThat(problems.list()).singleElement().asString()
                .contains("lessons/01-demo/src/test/java/demo/HandlerTest.java differs from "
                        + "solutions/01-demo/src/test/java/demo/HandlerTest.java")
                .contains("first difference at line 1");
        assertThat(problems.report()).startsWith("Twin rule").contains("How to fix:");
    }

    @Test
    void everyDifferingFileIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.write("solutions/01-demo/README.md", "# Other\n");
        f.write("lessons/01-demo/infra/cdk.json", "{}\n");

        assertThat(TwinCheck.check(f.tree()).list()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("lessons/01-demo/README.md differs"))
                .anySatisfy(p -> assertThat(p).contains("lessons/01-demo/infra/cdk.json differs"));
    }

    @Test
    void aFileOnOneSideOnlyIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.write("lessons/01-demo/src/main/java/demo/Extra.java", "class Extra { }\n");

        assertThat(TwinCheck.check(f.tree()).list()).singleElement().asString()
                .isEqualTo("solutions/01-demo/src/main/java/demo/Extra.java is missing "
                        + "(lessons/01-demo/src/main/java/demo/Extra.java exists)");
    }

    @Test
    void aLessonWithoutASolutionIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.write("lessons/02-next/lesson.json", "{}");

        assertThat(TwinCheck.check(f.tree()).list()).singleElement().asString()
                .isEqualTo("lessons/02-next has no twin: solutions/02-next is missing");
    }

    @Test
    void anExerciseFileIdenticalToItsSolutionIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.write("lessons/01-demo/" + Fixture.HANDLER, f.read("solutions/01-demo/" + Fixture.HANDLER));

        assertThat(TwinCheck.check(f.tree()).list()).singleElement().asString()
                .contains("is an exercise file but is identical to its solution");
    }

    @Test
    void pomsMayDifferOnlyInTheTrackGroupId() {
        Fixture f = Fixture.validCourse(dir);
        f.write("solutions/01-demo/pom.xml", "<project><parent><groupId>durable.workshop.solutions</groupId>"
                + "</parent><artifactId>01-other</artifactId></project>\n");

        assertThat(TwinCheck.check(f.tree()).list()).singleElement().asString()
                .contains("lessons/01-demo/pom.xml differs from solutions/01-demo/pom.xml beyond the track groupId");
    }

    @Test
    void aLessonPomPointingAtTheSolutionTrackIsReported() {
        Fixture f = Fixture.validCourse(dir);
        f.write("lessons/01-demo/pom.xml", f.read("solutions/01-demo/pom.xml"));

        assertThat(TwinCheck.check(f.tree()).list()).singleElement().asString()
                .contains("lessons/01-demo/pom.xml mentions durable.workshop.solutions");
    }

    @Test
    void generatedDirectoriesAreIgnored() {
        Fixture f = Fixture.validCourse(dir);
        f.write("lessons/01-demo/target/classes/x.txt", "built");
        f.write("solutions/01-demo/infra/cdk.out/template.json", "{}");
        f.write("lessons/01-demo/node_modules/x/index.js", "");

        assertThat(TwinCheck.check(f.tree()).list()).isEmpty();
    }
}
