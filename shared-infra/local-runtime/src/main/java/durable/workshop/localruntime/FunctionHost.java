package durable.workshop.localruntime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.ServiceLoader;
import software.amazon.lambda.durable.DurableHandler;

/**
 * One lesson function, loaded from its handler string ({@code pkg.Class} or {@code pkg.Class::method}) as the Lambda
 * Java runtime loads it: one instance per function, JSON in and out through the function's
 * {@link CustomPojoSerializer} when it ships one, else Jackson.
 */
final class FunctionHost {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();

    final StackDefinition.Function definition;
    private final Object instance;
    private final Method method;
    private final CustomPojoSerializer serializer;

    FunctionHost(StackDefinition.Function definition, ClassLoader loader) {
        this.definition = definition;
        String[] handler = definition.handler().split("::", 2);
        try {
            Class<?> type = Class.forName(handler[0], true, loader);
            this.instance = type.getDeclaredConstructor().newInstance();
            this.method = handler.length == 2 ? findMethod(type, handler[1]) : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Function " + definition.name() + ": cannot load its handler "
                    + definition.handler() + ": " + cause, cause);
        }
        Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, loader).iterator();
        this.serializer = found.hasNext() ? found.next() : null;
    }

    boolean isDurable() {
        return instance instanceof DurableHandler<?, ?>;
    }

    DurableHandler<?, ?> durableHandler() {
        return (DurableHandler<?, ?>) instance;
    }

    /** Runs a plain function once. Returns its JSON result; a thrown exception is the function's error. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    String invoke(String payload, Context context) throws Exception {
        byte[] in = (payload == null || payload.isEmpty() ? "null" : payload).getBytes(StandardCharsets.UTF_8);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(instance.getClass().getClassLoader());
        try {
            if (instance instanceof RequestStreamHandler stream && method == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(in), out, context);
                return out.toString(StandardCharsets.UTF_8);
            }
            Method m = method != null ? method : findMethod(instance.getClass(), "handleRequest");
            Type inputType = m.getParameterCount() == 0 ? Object.class : inputType(m);
            Object input = m.getParameterCount() == 0 ? null : read(in, inputType);
            Object output;
            try {
                output = m.getParameterCount() == 2 ? m.invoke(instance, input, context)
                        : m.getParameterCount() == 1 ? m.invoke(instance, input) : m.invoke(instance);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
            }
            return write(output);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private Object read(byte[] json, Type type) throws Exception {
        if (serializer != null) {
            return serializer.fromJson(new ByteArrayInputStream(json), type);
        }
        return JSON.readValue(json, JSON.getTypeFactory().constructType(type));
    }

    private String write(Object value) throws Exception {
        if (value == null) {
            return "null";
        }
        if (serializer != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.toJson(value, out, value.getClass());
            return out.toString(StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsString(value);
    }

    /** The handler's input type: RequestHandler's first type argument, else the method's first parameter. */
    private Type inputType(Method m) {
        if (instance instanceof RequestHandler<?, ?> && m.getName().equals("handleRequest")) {
            for (Class<?> c = instance.getClass(); c != null; c = c.getSuperclass()) {
                for (Type t : c.getGenericInterfaces()) {
                    if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                        return p.getActualTypeArguments()[0];
                    }
                }
            }
        }
        return m.getGenericParameterTypes()[0];
    }

    private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
        Method best = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() <= 2
                    && (best == null || m.getParameterCount() > best.getParameterCount())) {
                best = m;
            }
        }
        if (best == null) {
            throw new NoSuchMethodException(type.getName() + "::" + name);
        }
        return best;
    }
}
