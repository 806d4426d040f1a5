package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadmeTest {

    @Test
    void anchorsFollowGitHub() {
        assertThat(Readme.anchor("Exercise 1.1: Read the item inside the check")).isEqualTo("exercise-11-read-the-item-inside-the-check");
        assertThat(Readme.anchor("Run `make test`")).isEqualTo("run-make-test");
        assertThat(Readme.anchor("演習 1.1: 条件チェックの中でアイテムを読む")).isEqualTo("演習-11-条件チェックの中でアイテムを読む");
    }

    @Test
    void japaneseLinksUseTheHeadingAtTheSamePosition() {
        assertThat(Readme.link(Fixtures.lessonDir(), "exercise-92-count-the-greetings", Lang.JA))
                .isEqualTo("README.ja.md#演習-92-あいさつを数える");
        assertThat(Readme.link(Fixtures.lessonDir(), "exercise-92-count-the-greetings", Lang.EN))
                .isEqualTo("README.md#exercise-92-count-the-greetings");
    }
}
