package software.amazon.lambda.durable.model;

/** An {@link AutoCloseable} whose {@code close} throws no checked exception. */
public interface SafeCloseable extends AutoCloseable {
    @Override
    void close();
}
