package durable.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void anchorsFollowGitHub() {
        assertThat(Markdown.anchor("Exercise 1.1: Read the item inside the check"))
                .isEqualTo("exercise-11-read-the-item-inside-the-check");
        assertThat(Markdown.anchor("Deploy with `make deploy` (optional)")).isEqualTo("deploy-with-make-deploy-optional");
        assertThat(Markdown.anchor("snake_case and kebab-case")).isEqualTo("snake_case-and-kebab-case");
        assertThat(Markdown.anchor("See [the SDK](https://example.com)")).isEqualTo("see-the-sdk");
        assertThat(Markdown.anchor("演習 1.1: 条件チェックの中で読む")).isEqualTo("演習-11-条件チェックの中で読む");
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() {
        assertThat(Markdown.parse("# A\n## Notes\n## Notes\n## Notes\n").anchors())
                .containsExactly("a", "notes", "notes-1", "notes-2");
    }

    @Test
    void headingsSkipFrontMatterCodeAndComments() {
        String md = """
                ---
                marp: true
                ---
                # Title #
                #not-a-heading
                ```java
                # not a heading
                ```
                <!--
                # hidden
                -->
                ###### Deep
                """;
        List<Markdown.Heading> headings = Markdown.parse(md).headings();
        assertThat(headings).extracting(Markdown.Heading::text).containsExactly("Title", "Deep");
        assertThat(headings).extracting(Markdown.Heading::level).containsExactly(1, 6);
        assertThat(headings.get(0).line()).isEqualTo(4);
    }

    @Test
    void codeFencesInsideListItemsHideTheirHashLines() {
        String md = "# Steps\n\n1. Install:\n\n      ```bash\n      # not a heading\n      make setup\n      ```\n\n## Next\n";
        assertThat(Markdown.parse(md).headings()).extracting(Markdown.Heading::text).containsExactly("Steps", "Next");
    }

    @Test
    void codeAndLinksAreFound() {
        Markdown md = Markdown.parse("Run `make test` or see [x](a/b.md#c).\n\n```bash\nmake setup\n```\n");
        assertThat(md.code()).extracting(Markdown.Code::text).containsExactly("make test", "make setup");
        assertThat(md.code().get(1).info()).isEqualTo("bash");
        assertThat(md.links()).extracting(Markdown.Link::target).containsExactly("a/b.md#c");
    }
}
