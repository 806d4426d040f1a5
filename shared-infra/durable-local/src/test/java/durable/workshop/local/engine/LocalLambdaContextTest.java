package durable.workshop.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalLambdaContextTest {

    @Test
    void eachLogCallIsOneLineAsEachIsOneLogEventOnLambda() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            var logger = new LocalLambdaContext("request-1").getLogger();
            logger.log("fraud check a-1 -> cleared=true");
            logger.log("already a line\n");
            logger.log("bytes too".getBytes(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("fraud check a-1 -> cleared=true", "already a line", "bytes too");
    }
}
