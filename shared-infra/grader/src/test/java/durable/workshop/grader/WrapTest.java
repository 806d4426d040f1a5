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
        String wrapped = Wrap.paragraph("東西南北東西南北", "  ", "  ", 12);

        // Two columns of indent plus five wide characters fill a 12-column line exactly.
        assertThat(wrapped).isEqualTo("  東西南北東\n  西南北");
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

    @Test
    void japaneseBreaksBetweenPhrasesRatherThanInsideAWord() {
        assertThat(Wrap.paragraph("値を読みます。次にステップを作ります", "", "", 20))
                .isEqualTo("値を読みます。次に\nステップを作ります");
        assertThat(Wrap.paragraph("ステップの中で読みます", "  ", "  ", 12)).isEqualTo("  ステップの\n  中で\n  読みます");
    }

    @Test
    void closingPunctuationNeverStartsALineAndOpeningBracketsNeverEndOne() {
        String wrapped = Wrap.paragraph("ああああ「ステップ」です。", "", "", 10);

        assertThat(wrapped.lines()).noneMatch(line -> line.startsWith("」") || line.startsWith("。")
                || line.endsWith("「"));
        assertThat(wrapped.replace("\n", "")).isEqualTo("ああああ「ステップ」です。");
    }

    @Test
    void aCodeNameInJapaneseTextMovesWholeToTheNextLine() {
        String wrapped = Wrap.paragraph("テーブルが無いときは ResourceNotFoundException を投げます", "  ", "    ", 40);

        assertThat(wrapped).isEqualTo("  テーブルが無いときは\n    ResourceNotFoundException を投げます");
    }

    @Test
    void japaneseNextToCodeBreaksAtTheBoundaryNotFarBack() {
        String wrapped = Wrap.paragraph("a b では dynamo.getItem の結果を読み取って返すようにします", "", "", 30);

        assertThat(wrapped.lines().findFirst().orElseThrow()).startsWith("a b では dynamo.getItem の");
        assertThat(wrapped.replace("\n", "")).isEqualTo("a b では dynamo.getItem の結果を読み取って返すようにします");
    }
}
