package durable.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BilingualDocsCheckTest {

    @TempDir
    Path dir;

    @Test
    void matchingPairsPass() {
        assertThat(BilingualDocsCheck.check(Fixture.validCourse(dir).tree()).list()).isEmpty();
    }

    @Test
    void aMissingJapaneseTwinIsReported() {
        Fixture f = Fixture.validCourse(dir).write("docs/guide.md", "# Guide\n");

        assertThat(BilingualDocsCheck.check(f.tree()).list()).singleElement().asString()
                .isEqualTo("docs/guide.md has no Japanese twin docs/guide.ja.md");
    }

    @Test
    void aJapaneseFileWithoutOriginalIsReported() {
        Fixture f = Fixture.validCourse(dir).write("docs/guide.ja.md", "# ガイド\n");

        assertThat(BilingualDocsCheck.check(f.tree()).list()).singleElement().asString()
                .isEqualTo("docs/guide.ja.md has no English original docs/guide.md");
    }

    @Test
    void aHeadingLevelMismatchNamesBothHeadings() {
        Fixture f = Fixture.validCourse(dir)
                .write("guide.md", "# Guide\n\n## Setup\n\n### Java\n")
                .write("guide.ja.md", "# ガイド\n\n## 準備\n\n## Java\n");

        assertThat(BilingualDocsCheck.check(f.tree()).list()).singleElement().asString()
                .contains("guide.md and guide.ja.md differ at heading 3")
                .contains("guide.md line 5 \"### Java\"")
                .contains("guide.ja.md line 5 \"## Java\"");
    }

    @Test
    void aMissingHeadingIsReported() {
        Fixture f = Fixture.validCourse(dir)
                .write("guide.md", "# Guide\n\n## Setup\n\n## Clean up\n")
                .write("guide.ja.md", "# ガイド\n\n## 準備\n");

        assertThat(BilingualDocsCheck.check(f.tree()).list()).singleElement().asString()
                .contains("guide.md has 3 headings, guide.ja.md has 2")
                .contains("line 5 \"## Clean up\"");
    }

    @Test
    void hashLinesInCodeBlocksAreNotHeadings() {
        Fixture f = Fixture.validCourse(dir)
                .write("guide.md", "# Guide\n\n```bash\n# install\nmake setup\n```\n")
                .write("guide.ja.md", "# ガイド\n\n~~~\n## comment\n~~~\n");

        assertThat(BilingualDocsCheck.check(f.tree()).list()).isEmpty();
    }
}
