package software.amazon.lambda.durable;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A full Java type, generics included, for results that a {@code Class} cannot describe:
 * {@code new TypeToken<List<String>>() {}}.
 */
public abstract class TypeToken<T> {
    private final Type type;

    /** Captures the type argument of the anonymous subclass. */
    protected TypeToken() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType)) {
            throw new IllegalStateException(
                    "TypeToken needs a type argument: write new TypeToken<List<String>>() {}, not a raw TypeToken");
        }
        this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
    }

    private TypeToken(Type type) {
        this.type = type;
    }

    public static <U> TypeToken<U> get(Class<U> cls) {
        if (cls == null) {
            throw new IllegalArgumentException("TypeToken.get: the class must not be null");
        }
        return new OfType<>(cls);
    }

    /**
     * A token for a type found by reflection, such as a handler's generic input type. Package-private: the public
     * API builds tokens only from classes or anonymous subclasses, and this must not add to it.
     */
    static <U> TypeToken<U> of(Type type) {
        return new OfType<>(type);
    }

    public Type getType() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypeToken && type.equals(((TypeToken<?>) other).type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return "TypeToken<" + type.getTypeName() + ">";
    }

    private static final class OfType<U> extends TypeToken<U> {
        private OfType(Type type) {
            super(type);
        }
    }
}
