package durable.workshop.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The demo script submits these files: they must be the orders the tests and the README talk about. */
class SampleOrdersTest {

    private static Order load(String file) throws IOException {
        try (InputStream in = SampleOrdersTest.class.getResourceAsStream("/orders/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new ObjectMapper().readValue(in, Order.class);
        }
    }

    @Test
    void theSampleOrdersAreTheOnesTheLessonDescribes() throws IOException {
        assertThat(load("order-123.json")).isEqualTo(Fixtures.order123());
        assertThat(load("order-456-robot.json")).isEqualTo(Fixtures.robotOrder());
        assertThat(OrderValidator.problems(load("order-789-invalid.json")))
                .containsExactly("items[0].quantity: must be 1 to " + OrderValidator.MAX_QUANTITY);
    }
}
