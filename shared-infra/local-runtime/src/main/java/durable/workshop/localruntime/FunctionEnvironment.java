package durable.workshop.localruntime;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Sets environment variables in this JVM. The lesson's functions read their configuration with
 * {@code System.getenv}, as on Lambda, and all of them run in this one process, so their variables are merged
 * (two functions giving one variable different values is refused at start). Needs the JVM options
 * {@code --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED}.
 */
final class FunctionEnvironment {

    private FunctionEnvironment() {
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, String> variables) {
        try {
            Map<String, String> env = System.getenv();
            Field inner = env.getClass().getDeclaredField("m");
            inner.setAccessible(true);
            ((Map<String, String>) inner.get(env)).putAll(variables);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot set the functions' environment variables in this JVM (" + e
                    + "); start it with --add-opens java.base/java.util=ALL-UNNAMED", e);
        }
    }
}
