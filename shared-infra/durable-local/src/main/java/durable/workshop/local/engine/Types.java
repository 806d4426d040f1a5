package durable.workshop.local.engine;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import software.amazon.lambda.durable.TypeToken;

/** Type plumbing: tokens for reflected types and the type arguments a handler class gives its superclass. */
public final class Types {
    private Types() {
    }

    /** A TypeToken for any reflected type (the public API only builds them from classes or anonymous subclasses). */
    @SuppressWarnings("unchecked")
    public static <T> TypeToken<T> token(Type type) {
        if (type instanceof Class<?> c) {
            return (TypeToken<T>) TypeToken.get(c);
        }
        TypeToken<Object> token = new TypeToken<Object>() { };
        try {
            Field f = TypeToken.class.getDeclaredField("type");
            f.setAccessible(true);
            f.set(token, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return (TypeToken<T>) TypeToken.get(Object.class);
        }
        return (TypeToken<T>) token;
    }

    /**
     * The actual type given to type parameter {@code index} of {@code generic} somewhere up the superclass chain of
     * {@code cls}, or null when it cannot be resolved (e.g. still a type variable).
     */
    public static Type typeArgument(Class<?> cls, Class<?> generic, int index) {
        Type t = cls.getGenericSuperclass();
        Class<?> current = cls;
        java.util.Map<TypeVariable<?>, Type> bindings = new java.util.HashMap<>();
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
            current = raw;
            t = current.getGenericSuperclass();
        }
        return null;
    }
}
