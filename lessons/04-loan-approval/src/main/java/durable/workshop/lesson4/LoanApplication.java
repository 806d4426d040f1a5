package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * What an applicant submits, and the workflow's input. It holds the full SIN (social insurance number): the
 * validate-application step keeps only its last four digits, so no checkpoint after it holds more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoanApplication(String applicationId, String applicantName, String sin, BigDecimal amount) {

    /** The SIN as the logs may show it: {@code ***-***-1111}. */
    @Override
    public String toString() {
        return "LoanApplication[" + applicationId + ", " + applicantName + ", SIN " + ValidatedApplication.mask(
                sin == null || sin.length() < 4 ? "" : sin.substring(sin.length() - 4)) + ", " + amount + "]";
    }
}
