package software.amazon.lambda.durable.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.durable.TypeToken;
import software.amazon.lambda.durable.exception.SerDesException;
import software.amazon.lambda.durable.model.ConcurrencyCompletionStatus;
import software.amazon.lambda.durable.model.MapResult;
import software.amazon.lambda.durable.model.MapResult.MapError;
import software.amazon.lambda.durable.model.MapResult.MapResultItem;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.model.WaitForConditionResult;

class JacksonSerDesTest {
    record Order(String id, int quantity, Instant placedAt) {
    }

    /** No properties, so there is nothing Jackson can write. */
    static final class Opaque {
    }

    private final SerDes serDes = new JacksonSerDes();

    @Test
    void recordsRoundTrip() {
        Order order = new Order("o-1", 3, Instant.parse("2026-01-02T03:04:05Z"));

        String json = serDes.serialize(order);

        assertThat(json).contains("\"placedAt\":\"2026-01-02T03:04:05Z\"");
        assertThat(serDes.deserialize(json, TypeToken.get(Order.class))).isEqualTo(order);
    }

    @Test
    void genericTypesRoundTripThroughATypeToken() {
        List<Order> orders = List.of(new Order("a", 1, null), new Order("b", 2, null));

        List<Order> back = serDes.deserialize(serDes.serialize(orders), new TypeToken<List<Order>>() { });

        assertThat(back).containsExactlyElementsOf(orders);
        assertThat(back.get(0)).isInstanceOf(Order.class);
    }

    @Test
    void mapResultsRoundTrip() {
        MapResult<Integer> result = new MapResult<>(List.of(MapResultItem.succeeded(4),
                MapResultItem.failed(new MapError("java.lang.IllegalStateException", "no", List.of())),
                MapResultItem.skipped()), ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED);

        MapResult<Integer> back = serDes.deserialize(serDes.serialize(result), new TypeToken<MapResult<Integer>>() { });

        assertThat(back).isEqualTo(result);
        assertThat(back.succeeded()).containsExactly(4);
        assertThat(back.failed()).extracting(MapError::errorMessage).containsExactly("no");
    }

    @Test
    void modelRecordsRoundTrip() {
        WaitForConditionResult<Integer> polled = WaitForConditionResult.stopPolling(3);
        ParallelResult parallel = new ParallelResult(2, 1, 1, 0, ConcurrencyCompletionStatus.ALL_COMPLETED,
                List.of(ParallelResult.Status.SUCCEEDED, ParallelResult.Status.FAILED));

        assertThat(serDes.deserialize(serDes.serialize(polled), new TypeToken<WaitForConditionResult<Integer>>() { }))
                .isEqualTo(polled);
        assertThat(serDes.deserialize(serDes.serialize(parallel), TypeToken.get(ParallelResult.class)))
                .isEqualTo(parallel);
    }

    @Test
    void nullAndVoidRoundTrip() {
        assertThat(serDes.serialize(null)).isNull();
        assertThat(serDes.deserialize(null, TypeToken.get(String.class))).isNull();
        assertThat(serDes.deserialize("null", TypeToken.get(Order.class))).isNull();
        assertThat(serDes.deserialize(serDes.serialize(null), TypeToken.get(Void.class))).isNull();
    }

    @Test
    void unknownPropertiesAreIgnored() {
        Order order = serDes.deserialize("{\"id\":\"x\",\"quantity\":1,\"addedLater\":true}",
                TypeToken.get(Order.class));

        assertThat(order.id()).isEqualTo("x");
    }

    @Test
    void anUnserializableValueFailsNamingItsType() {
        assertThatThrownBy(() -> serDes.serialize(new Opaque()))
                .isInstanceOf(SerDesException.class)
                .hasMessageContaining("Could not serialize")
                .hasMessageContaining(Opaque.class.getName());
    }

    @Test
    void badJsonFailsNamingTheTargetType() {
        assertThatThrownBy(() -> serDes.deserialize("{not json", TypeToken.get(Order.class)))
                .isInstanceOf(SerDesException.class)
                .hasMessageContaining(Order.class.getTypeName());
        assertThatThrownBy(() -> serDes.deserialize("\"text\"", new TypeToken<Map<String, Integer>>() { }))
                .isInstanceOf(SerDesException.class)
                .hasMessageContaining("java.util.Map<java.lang.String, java.lang.Integer>");
    }
}
