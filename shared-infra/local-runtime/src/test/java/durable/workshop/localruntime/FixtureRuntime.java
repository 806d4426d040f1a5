package durable.workshop.localruntime;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Tests that share one runtime on the fixture stack, and a LambdaClient pointed at it. */
abstract class FixtureRuntime {
    @TempDir
    static Path state;
    static LocalRuntime runtime;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        runtime = Fixtures.start(state);
        lambda = Fixtures.client(runtime.endpoint());
    }

    @AfterAll
    static void stop() {
        lambda.close();
        runtime.close();
    }
}
