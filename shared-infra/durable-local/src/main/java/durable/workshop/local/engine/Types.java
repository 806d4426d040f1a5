package durable.workshop.local.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Type plumbing: the type arguments a handler class gives its superclass. */
public final class Types {
    private Types() {
    }

    /**
     * The actual type given to type parameter {@code index} of {@code generic} somewhere up the superclass chain of
     * {@code cls}, or null when it cannot be resolved (e.g. still a type variable).
     */
    public static Type typeArgument(Class<?> cls, Class<?> generic, int index) {
        // Each level may pass its own type variables on to the next, so bindings are followed up the chain.
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type t = cls.getGenericSuperclass();
        while (t != null) {
            Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
            if (t instanceof ParameterizedType p) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) {
                    Type a = args[i];
                    bindings.put(vars[i], a instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : a);
                }
            }
            if (raw == generic) {
                Type result = bindings.get(generic.getTypeParameters()[index]);
                return result instanceof TypeVariable<?> ? null : result;
            }
            t = raw.getGenericSuperclass();
        }
        return null;
    }
}
