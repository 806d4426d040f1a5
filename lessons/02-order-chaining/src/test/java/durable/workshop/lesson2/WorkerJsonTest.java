package durable.workshop.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The JSON the Lambda runtime uses for the workers (not an exercise). */
class WorkerJsonTest {

    @Test
    void theLambdaRuntimeFindsTheSerializer() {
        assertThat(ServiceLoader.load(CustomPojoSerializer.class)).hasAtLeastOneElementOfType(WorkerJson.class);
    }

    @Test
    void requestsAndAnswersKeepTheirShapeAndExactAmounts() {
        WorkerJson json = new WorkerJson();
        String body = "{\"action\":\"AUTHORIZE\",\"orderId\":\"ORDER-002\",\"amount\":12999.90,\"extra\":true}";

        PaymentRequest request = json.fromJson(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                PaymentRequest.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.toJson(new PaymentResult(PaymentResult.DECLINED, null, request.amount(), "over the limit"), out,
                PaymentResult.class);

        assertThat(request.amount()).isEqualTo(new BigDecimal("12999.90"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"DECLINED\",\"amount\":12999.90,\"reason\":\"over the limit\"}");
    }

    @Test
    void theFourScenarioOrdersAreReadable() {
        for (String file : new String[] {SeedOrders.SUCCESS, SeedOrders.PAYMENT_DECLINED,
                SeedOrders.INSUFFICIENT_INVENTORY, SeedOrders.NO_ITEMS}) {
            Order order = SeedOrders.load(file);
            assertThat(order.orderId()).as(file).startsWith("ORDER-00");
            assertThat(order.paymentMethod().cardToken()).as(file).startsWith("tok_");
        }
    }
}
