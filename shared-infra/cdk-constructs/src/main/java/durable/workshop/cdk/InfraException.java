package durable.workshop.cdk;

/** A problem the person running the CDK app can fix (bad config file, missing jar); its message says how. */
public class InfraException extends RuntimeException {
    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
