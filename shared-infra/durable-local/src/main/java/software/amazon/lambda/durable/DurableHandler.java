package software.amazon.lambda.durable;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import durable.workshop.local.engine.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Base class of a durable function: implement {@link #handleRequest(Object, DurableContext)}.
 *
 * <p>In this offline implementation the handler runs only inside {@code LocalDurableTestRunner}. A deployed function
 * needs the official AWS Durable Execution SDK, which the deploy build puts in its place.
 *
 * @param <I> input type
 * @param <O> output type
 */
public abstract class DurableHandler<I, O> implements RequestStreamHandler {
    private final TypeToken<I> inputType;
    private final DurableConfig config;

    /** Reads the input type from the type arguments this class gives {@code DurableHandler}. */
    protected DurableHandler() {
        Type input = Types.typeArgument(getClass(), DurableHandler.class, 0);
        if (input == null) {
            throw new IllegalStateException(getClass().getName() + " does not say which input type it handles; "
                    + "extend DurableHandler<MyInput, MyOutput> with concrete types or pass the type to the "
                    + "DurableHandler(TypeToken) constructor.");
        }
        this.inputType = TypeToken.of(input);
        this.config = createConfiguration();
    }

    /** For handlers whose input type cannot be read from their class declaration. */
    protected DurableHandler(TypeToken<I> inputType) {
        if (inputType == null) {
            throw new IllegalArgumentException("inputType must not be null");
        }
        this.inputType = inputType;
        this.config = createConfiguration();
    }

    /** Override to customise the configuration (SerDes, logging, ...). Called once, by the constructor. */
    protected DurableConfig createConfiguration() {
        return DurableConfig.defaultConfig();
    }

    public DurableConfig getConfiguration() {
        return config;
    }

    /** The input type: what the official SDK reads a deployed function's input as. */
    TypeToken<I> inputType() {
        return inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        throw new UnsupportedOperationException("This function was built with durable-local, the course's offline "
                + "implementation of the Durable Execution SDK, which runs handlers only in LocalDurableTestRunner. "
                + "A deployed durable function needs the official AWS Durable Execution SDK for Java: build it with "
                + "`make deploy` or `./mvnw package -Ddurable.sdk=aws`.");
    }

    public abstract O handleRequest(I input, DurableContext context);
}
