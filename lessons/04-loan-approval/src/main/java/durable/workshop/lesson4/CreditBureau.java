package durable.workshop.lesson4;

/**
 * One credit bureau's API. A call may fail transiently (a timeout, a 503): it throws, and the step's retry
 * strategy decides whether to ask again.
 */
@FunctionalInterface
public interface CreditBureau {

    /** The applicant's score at {@code bureau}; {@code attempt} counts from 1. */
    CreditScore score(String bureau, ValidatedApplication application, int attempt);
}
