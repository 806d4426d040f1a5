package durable.workshop.lesson4;

import java.math.BigDecimal;

/** The workflow's result: the final decision on the application. */
public record LoanDecision(String applicationId, String status, BigDecimal amount, int averageScore,
                           String reason) {

    public static final String APPROVED = "APPROVED";
    public static final String DENIED = "DENIED";

    public static LoanDecision approved(ValidatedApplication application, int averageScore, String reason) {
        return new LoanDecision(application.applicationId(), APPROVED, application.amount(), averageScore, reason);
    }

    public static LoanDecision denied(ValidatedApplication application, int averageScore, String reason) {
        return new LoanDecision(application.applicationId(), DENIED, application.amount(), averageScore, reason);
    }
}
