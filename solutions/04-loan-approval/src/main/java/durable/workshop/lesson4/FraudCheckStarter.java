package durable.workshop.lesson4;

/** Starts an external fraud check that will answer the workflow's callback. */
@FunctionalInterface
public interface FraudCheckStarter {

    void start(FraudCheckRequest request);
}
