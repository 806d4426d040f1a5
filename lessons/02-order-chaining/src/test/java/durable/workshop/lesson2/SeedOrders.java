package durable.workshop.lesson2;

import static durable.workshop.testkit.LearnerLanguage.say;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The four orders of the lesson's scenarios, read from src/test/resources/orders (the demo submits the same files). */
final class SeedOrders {

    static final String SUCCESS = "order-001-success.json";
    static final String PAYMENT_DECLINED = "order-002-payment-declined.json";
    static final String INSUFFICIENT_INVENTORY = "order-003-insufficient-inventory.json";
    static final String NO_ITEMS = "order-004-no-items.json";

    private SeedOrders() {
    }

    static Order load(String file) {
        return WorkerJson.read(json(file), Order.class);
    }

    static String json(String file) {
        try (InputStream in = SeedOrders.class.getResourceAsStream("/orders/" + file)) {
            if (in == null) {
                throw new IllegalStateException(
                        say("no test resource orders/" + file, "テストリソース orders/" + file + " がありません"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
