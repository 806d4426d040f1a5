package durable.workshop.lesson1;

import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exercise 1.4: bad input is rejected before any durable operation, with a message naming the field. */
@Tag("exercise:1.4")
class ValidateInputTest {

    @Test
    void anEmptyInputWatchesTheDefaultItem() {
        assertThat(PollingHandler.validate(new PollingInput(null)))
                .as(say("key to watch for an input without a key", "key のない入力で監視するキー"))
                .isEqualTo("test-item");
        assertThat(PollingHandler.validate(null))
                .as(say("key to watch for no input at all", "入力そのものがないときに監視するキー"))
                .isEqualTo("test-item");
    }

    @Test
    void aGivenKeyIsKept() {
        assertThat(PollingHandler.validate(new PollingInput("order-1")))
                .as(say("key to watch for the key 'order-1'", "キー 'order-1' を渡したときに監視するキー"))
                .isEqualTo("order-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t "})
    void aBlankKeyIsRejected(String key) {
        Throwable error = Outcomes.thrownBy(() -> PollingHandler.validate(new PollingInput(key)));

        assertThat(error).as(say("error for the key \"%s\"", "キー \"%s\" に対するエラー"), key)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }

    @Test
    void aKeyLongerThanDynamoDbAllowsIsRejected() {
        assertThat(PollingHandler.validate(new PollingInput("k".repeat(2048))))
                .as(say("key of exactly 2048 bytes, which DynamoDB allows",
                        "ちょうど 2048 バイトのキー（DynamoDB の上限ちょうどなので受け付ける）"))
                .hasSize(2048);

        // DynamoDB counts bytes: 1025 two-byte characters are 2050 bytes.
        for (String key : new String[] {"k".repeat(2049), "é".repeat(1025)}) {
            Throwable error = Outcomes.thrownBy(() -> PollingHandler.validate(new PollingInput(key)));

            assertThat(error).as(say("error for a key of %d characters", "%d 文字のキーに対するエラー"), key.length())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key")
                    .hasMessageContaining("2048");
        }
    }
}
