package software.amazon.lambda.durable;

/** The future of a callback: {@link #callbackId()} is what the external system uses to complete it. */
public interface DurableCallbackFuture<T> extends DurableFuture<T> {
    String callbackId();
}
