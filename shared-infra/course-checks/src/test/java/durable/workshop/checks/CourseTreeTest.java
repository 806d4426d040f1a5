package durable.workshop.checks;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checks applied to this repository: each failure lists every problem and how to fix it. */
@DisplayName("Course repository")
class CourseTreeTest {

    private static Tree tree;

    @BeforeAll
    static void scan() {
        tree = Tree.scan(CourseRoot.locate());
    }

    private static void assertClean(Problems problems) {
        if (!problems.isEmpty()) {
            fail("\n" + problems.report());
        }
    }

    @Test
    @DisplayName("lessons and solutions are twins")
    void lessonsAndSolutionsAreTwins() {
        assertClean(TwinCheck.check(tree));
    }

    @Test
    @DisplayName("every .md has a .ja.md with the same headings")
    void docsAreBilingual() {
        assertClean(BilingualDocsCheck.check(tree));
    }

    @Test
    @DisplayName("lesson.json is complete and consistent")
    void lessonMetadataIsConsistent() {
        assertClean(LessonMetadataCheck.check(tree));
    }

    @Test
    @DisplayName("no machine paths")
    void noMachinePaths() {
        assertClean(HygieneCheck.machinePaths(tree));
    }

    @Test
    @DisplayName("no pipes cut short under pipefail")
    void noPipesCutShort() {
        assertClean(HygieneCheck.pipesCutShort(tree));
    }

    @Test
    @DisplayName("make commands in the docs exist")
    void makeCommandsExist() {
        assertClean(HygieneCheck.makeTargets(tree));
    }

    @Test
    @DisplayName("relative links in the docs resolve")
    void linksResolve() {
        assertClean(HygieneCheck.relativeLinks(tree));
    }
}
