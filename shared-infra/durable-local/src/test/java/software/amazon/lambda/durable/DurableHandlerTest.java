package software.amazon.lambda.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurableHandlerTest {

    /** Passes its own type variable on, so the input type is only known one level further down. */
    abstract static class CountingHandler<T> extends DurableHandler<T, Integer> {
        @Override
        public Integer handleRequest(T input, DurableContext context) {
            return input.hashCode();
        }
    }

    static class OrderBatchHandler extends CountingHandler<List<Map<String, Integer>>> {
    }

    static class UnresolvedHandler<T> extends DurableHandler<T, String> {
        @Override
        public String handleRequest(T input, DurableContext context) {
            return "never runs";
        }
    }

    @Test
    void theInputTypeIsReadWithItsGenericsThroughIntermediateClasses() {
        TypeToken<List<Map<String, Integer>>> expected = new TypeToken<List<Map<String, Integer>>>() { };
        assertThat(new OrderBatchHandler().inputType()).isEqualTo(expected);
        assertThat(new OrderBatchHandler().inputType().getType().getTypeName())
                .isEqualTo("java.util.List<java.util.Map<java.lang.String, java.lang.Integer>>");
    }

    @Test
    void aHandlerWhoseInputTypeIsStillATypeVariableSaysHowToFixIt() {
        assertThatThrownBy(UnresolvedHandler::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UnresolvedHandler.class.getName())
                .hasMessageContaining("DurableHandler(TypeToken)");
    }
}
