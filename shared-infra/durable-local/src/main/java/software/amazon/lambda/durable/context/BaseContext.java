package software.amazon.lambda.durable.context;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.Logger;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.logging.DurableLogger;

/** What every durable context offers: the execution's identity, configuration and a replay-aware logger. */
public interface BaseContext {
    /** The context of the durable code running on this thread (handler, child context or step). */
    ThreadLocal<BaseContext> CONTEXT = new ThreadLocal<>();

    /** @return the context attached to this thread, or {@code null} outside durable code */
    static BaseContext getCurrentContext() {
        return CONTEXT.get();
    }

    DurableLogger getLogger();

    DurableLogger getLogger(Logger logger);

    Context getLambdaContext();

    String getExecutionArn();

    DurableConfig getDurableConfig();

    String getContextId();

    String getContextName();
}
