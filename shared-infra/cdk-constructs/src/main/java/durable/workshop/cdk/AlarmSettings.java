package durable.workshop.cdk;

import java.util.Optional;

/**
 * When a stage's alarms go off, from {@code stages.<stage>.alarms} in {@code config/config.json}. Each threshold is
 * a count in one {@value #PERIOD_MINUTES}-minute period: the alarm goes off when the sum reaches it.
 *
 * @param errors             failed invocations of one function ({@code Errors})
 * @param throttles          throttled invocations of one function ({@code Throttles})
 * @param failedExecutions   durable executions of one function that ended FAILED
 * @param timedOutExecutions durable executions of one function that ran past their execution timeout
 * @param email              who gets the alarm e-mails, if anyone (the address must confirm the subscription)
 */
public record AlarmSettings(int errors, int throttles, int failedExecutions, int timedOutExecutions,
                            Optional<String> email) {

    /** Length of the period the alarms count in. */
    public static final int PERIOD_MINUTES = 5;
}
