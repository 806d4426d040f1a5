package durable.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeTest {

    @TempDir
    Path dir;

    @Test
    void outsideGitGeneratedDirectoriesAreSkipped() {
        new Fixture(dir).write("a/README.md", "# A\n").write("a/target/out.txt", "x")
                .write("node_modules/m/index.js", "").write(".workshop/progress.json", "{}")
                .write("b/.DS_Store", "");

        assertThat(Tree.scan(dir).files()).containsExactly("a/README.md");
    }

    @Test
    void inAGitWorkTreeGitignoreDecidesAndUntrackedFilesCount() throws Exception {
        assumeTrue(run("git", "init", "-q"), "git is not installed");
        new Fixture(dir).write(".gitignore", "generated/\n").write("docs/new.md", "# New\n")
                .write("generated/report.md", "# Report\n").write("lessons/01-x/target/a.md", "# A\n");

        assertThat(Tree.scan(dir).files()).containsExactly(".gitignore", "docs/new.md");
    }

    private boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
