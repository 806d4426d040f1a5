package software.amazon.lambda.durable.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.context.BaseContext;

class DurableLoggerTest {
    private final List<String> lines = new ArrayList<>();
    private final DurableLogger logger = new DurableLogger((Logger) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("info")) {
                    lines.add((String) args[0]);
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            }));

    @AfterEach
    void detachContext() {
        BaseContext.CONTEXT.remove();
    }

    private static DurableContext context(boolean replaying, LoggerConfig loggerConfig) {
        DurableConfig config = DurableConfig.builder().withLoggerConfig(loggerConfig).build();
        return (DurableContext) Proxy.newProxyInstance(DurableLoggerTest.class.getClassLoader(),
                new Class<?>[] {DurableContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isReplaying" -> replaying;
                    case "getDurableConfig" -> config;
                    default -> null;
                });
    }

    @Test
    void linesWrittenDuringReplayAreDroppedByDefault() {
        BaseContext.CONTEXT.set(context(true, LoggerConfig.defaults()));
        logger.info("replayed line");

        BaseContext.CONTEXT.set(context(false, LoggerConfig.defaults()));
        logger.info("fresh line");

        assertThat(lines).containsExactly("fresh line");
    }

    @Test
    void replayLoggingCanBeTurnedOn() {
        BaseContext.CONTEXT.set(context(true, LoggerConfig.withReplayLogging()));
        logger.info("replayed line");

        assertThat(lines).containsExactly("replayed line");
    }

    @Test
    void outsideDurableCodeEverythingIsLogged() {
        logger.info("plain line");

        assertThat(lines).containsExactly("plain line");
    }
}
