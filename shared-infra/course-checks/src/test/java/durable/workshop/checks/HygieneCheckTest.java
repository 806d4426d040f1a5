package durable.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HygieneCheckTest {

    // Built from parts so this source file itself stays free of machine paths.
    private static final String HOME = "/" + "home/alice/course";
    private static final String SYSTEM = "/" + "opt/tools/bin/java";

    @TempDir
    Path dir;

    @Test
    void aCleanCoursePassesEveryHygieneCheck() {
        Tree tree = Fixture.validCourse(dir).tree();
        assertThat(HygieneCheck.machinePaths(tree).list()).isEmpty();
        assertThat(HygieneCheck.makeTargets(tree).list()).isEmpty();
        assertThat(HygieneCheck.relativeLinks(tree).list()).isEmpty();
        assertThat(HygieneCheck.pipesCutShort(tree).list()).isEmpty();
    }

    @Test
    void aPipeIntoAnEarlyReaderUnderPipefailIsReported() {
        Fixture f = Fixture.validCourse(dir)
                .write(".ci/run", "#!/usr/bin/env bash\nset -euo pipefail\n# make --version | head -n 1\n"
                        + "make --version | head -n 1\njava -version 2>&1 | sed -n 1p\n"
                        + "aws lambda list-functions | grep -q demo && echo found\nls | grep -v x\n")
                .write("scripts/plain.sh", "#!/bin/sh\nset -eu\nmake --version | head -n 1\n");

        assertThat(HygieneCheck.pipesCutShort(f.tree()).list()).containsExactly(
                ".ci/run line 4: make --version | head -n 1",
                ".ci/run line 6: aws lambda list-functions | grep -q demo && echo found");
    }

    @Test
    void aHomePathInAnyFileIsReported() {
        Fixture f = Fixture.validCourse(dir).write("docs/notes.txt", "line one\ncd " + HOME + "/lessons\n");

        assertThat(HygieneCheck.machinePaths(f.tree()).list()).singleElement().asString()
                .isEqualTo("docs/notes.txt line 2: absolute path " + HOME + "/lessons");
    }

    @Test
    void urlsHomeVariablesAndRelativePathsAreFine() {
        Fixture f = Fixture.validCourse(dir).write("docs/notes.txt",
                "https://example.com/home/page\n$HOME/work/x\n~/work/y\n./root/z\nsrc/home/a\n");

        assertThat(HygieneCheck.machinePaths(f.tree()).list()).isEmpty();
    }

    @Test
    void scriptsMayUsePortableSystemPathsOnly() {
        Fixture f = Fixture.validCourse(dir).write("scripts/demo.sh",
                "#!/usr/bin/env bash\nset -euo pipefail\n. \"$(dirname \"$0\")/lib.sh\"\nexec 2>/dev/null\n/usr/bin/env node x.js\n"
                        + "aws logs tail /aws/lambda/fn\n" + SYSTEM + " -version\n");

        assertThat(HygieneCheck.machinePaths(f.tree()).list()).singleElement().asString()
                .isEqualTo("scripts/demo.sh line 7: absolute path " + SYSTEM);
    }

    @Test
    void aMakeCommandWithoutTargetIsReported() {
        Fixture f = Fixture.validCourse(dir).write("guide.md",
                "# Guide\n\n```bash\nmake setup\nmake deploy LESSON=1 [PROFILE=dev]\n# make sure it works\n```\n"
                        + "\nThen `make -j2 LESSON=1 test` and `make watch`.\n");

        assertThat(HygieneCheck.makeTargets(f.tree()).list()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("guide.md line 5 runs `make deploy` but the Makefile has "
                        + "no target \"deploy\" (targets: check-lesson, help, setup, test)"))
                .anySatisfy(p -> assertThat(p).startsWith("guide.md line 9 runs `make watch`"));
    }

    @Test
    void onlyCommandsCountNotSampleOutputOrProse() {
        assertThat(HygieneCheck.makeGoals("Next: run `make check-lesson LESSON=1` again.", false)).isEmpty();
        assertThat(HygieneCheck.makeGoals("make test: PASSED ...", true)).isEmpty();
        assertThat(HygieneCheck.makeGoals("$ WORKSHOP_LANG=ja make hint LESSON=1 EX=1.2", false)).containsExactly("hint");
        assertThat(HygieneCheck.makeGoals("make setup && make -k test check-lesson LESSON=2", false))
                .containsExactly("setup", "test", "check-lesson");
        assertThat(HygieneCheck.makeGoals("make deploy LESSON=n [TARGET=solutions] [PROFILE=...]", true))
                .containsExactly("deploy");
    }

    @Test
    void docsThatRunMakeWithoutAMakefileAreReportedOnce() {
        Fixture f = Fixture.validCourse(dir).delete("Makefile");

        assertThat(HygieneCheck.makeTargets(f.tree()).list()).singleElement().asString()
                .isEqualTo("the repository has no Makefile, but the docs run make 2 time(s), "
                        + "first at README.ja.md line 3 (`make check-lesson`)");
    }

    @Test
    void makeCommandsInOtherLanguagesBlocksAreIgnored() {
        Fixture f = Fixture.validCourse(dir).write("guide.md", "# Guide\n\n```mermaid\nA[make payment] --> B\n```\n");

        assertThat(HygieneCheck.makeTargets(f.tree()).list()).isEmpty();
    }

    @Test
    void brokenLinksAndAnchorsAreReported() {
        Fixture f = Fixture.validCourse(dir).write("guide.md",
                "# Guide\n\n[ok](README.md) [dir](lessons/01-demo) [gone](lessons/03-next/README.md) "
                        + "[anchor](README.md#nowhere) [self](#guide) [web](https://example.com/x)\n");

        assertThat(HygieneCheck.relativeLinks(f.tree()).list()).hasSize(2)
                .anySatisfy(p -> assertThat(p).isEqualTo("guide.md line 3: link lessons/03-next/README.md points to "
                        + "lessons/03-next/README.md, which is not in the repository"))
                .anySatisfy(p -> assertThat(p).isEqualTo("guide.md line 3: link README.md#nowhere: README.md has no "
                        + "heading with anchor #nowhere"));
    }
}
