package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void englishBreaksAtSpacesWithinTheWidth() {
        String wrapped = Wrap.paragraph("one two three four five six", "  Hint: ", "    ", 20);

        assertThat(wrapped).isEqualTo("  Hint: one two\n    three four five\n    six");
        assertThat(wrapped.lines()).allMatch(line -> line.length() <= 20);
    }

    @Test
    void japaneseBreaksBetweenCharactersCountingTwoColumnsEach() {
        String wrapped = Wrap.paragraph("ステップの中で読みます", "  ", "  ", 12);

        // Two columns of indent plus five wide characters fill a 12-column line exactly.
        assertThat(wrapped).isEqualTo("  ステップの\n  中で読みま\n  す");
    }

    @Test
    void aWordLongerThanTheLineIsCutRatherThanLost() {
        String wrapped = Wrap.paragraph("context.waitForCondition(WAIT)", "", "", 10);

        assertThat(wrapped.replace("\n", "")).isEqualTo("context.waitForCondition(WAIT)");
        assertThat(wrapped.lines()).allMatch(line -> line.length() <= 10);
    }

    @Test
    void shortTextStaysOnOneLine() {
        assertThat(Wrap.paragraph("Add one per greeting.", "  Hint: ", "    ", 100))
                .isEqualTo("  Hint: Add one per greeting.");
    }
}
