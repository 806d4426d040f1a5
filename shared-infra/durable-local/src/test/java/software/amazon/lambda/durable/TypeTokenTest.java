package software.amazon.lambda.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeTokenTest {

    @Test
    void anAnonymousSubclassCapturesTheFullGenericType() {
        TypeToken<Map<String, List<Integer>>> token = new TypeToken<>() { };

        assertThat(token.getType().getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>");
    }

    @Test
    void tokensOfTheSameTypeAreEqual() {
        assertThat(new TypeToken<List<String>>() { }).isEqualTo(new TypeToken<List<String>>() { })
                .hasSameHashCodeAs(new TypeToken<List<String>>() { });
        assertThat(TypeToken.get(String.class)).isEqualTo(new TypeToken<String>() { });
        assertThat(new TypeToken<List<String>>() { }).isNotEqualTo(new TypeToken<List<Integer>>() { });
        assertThat(TypeToken.get(String.class).toString()).contains("java.lang.String");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aRawTokenIsRejectedWithAHint() {
        assertThatThrownBy(() -> new TypeToken() { })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("new TypeToken<List<String>>() {}");
    }
}
