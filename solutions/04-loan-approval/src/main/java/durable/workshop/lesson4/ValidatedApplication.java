package durable.workshop.lesson4;

import java.math.BigDecimal;

/**
 * The application as the workflow keeps it after validation: the last four digits of the SIN and nothing more
 * of it. This is what every later checkpoint, progress record and log line may contain.
 */
public record ValidatedApplication(String applicationId, String applicantName, String sinLast4, BigDecimal amount) {

    /** {@code ***-***-1111}. */
    public static String mask(String last4) {
        return "***-***-" + last4;
    }

    public String maskedSin() {
        return mask(sinLast4);
    }
}
