package durable.workshop.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteLocationTest {

    @Test
    void missingDynaliteSaysToRunSetup(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("package.json"), "{}");
        Path module = Files.createDirectories(root.resolve("lessons/01-x"));

        assertThatThrownBy(() -> Dynalite.findCli(module))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dynalite is not installed")
                .hasMessageContaining("run `make setup`");
    }

    @Test
    void missingPackageJsonIsExplained(@TempDir Path dir) {
        assertThatThrownBy(() -> Dynalite.findCli(dir))
                .hasMessageContaining("No package.json found")
                .hasMessageContaining("make setup");
    }

    @Test
    void missingNodeSaysWhatToInstall(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("package.json"), "{}");
        Files.createDirectories(root.resolve("node_modules/dynalite"));
        Files.writeString(root.resolve("node_modules/dynalite/cli.js"), "");

        assertThatThrownBy(() -> Dynalite.start(root, "node-that-does-not-exist"))
                .hasMessageContaining("Node.js")
                .hasMessageContaining("run `make setup`");
    }
}
