package durable.workshop.lesson4;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules an application must pass before any bureau is asked. Pure code: no I/O, no clock. */
public final class ApplicationValidator {

    public static final BigDecimal MIN_AMOUNT = new BigDecimal("1000");
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    /** Letters, digits, '-' and '_': the id names the durable execution, so it must be a valid execution name. */
    public static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SIN = Pattern.compile("\\d{3}-?\\d{3}-?\\d{3}");

    private ApplicationValidator() {
    }

    /** Every problem with the application, each naming the field; when there is none, the reduced application. */
    public static ValidationReport check(LoanApplication application) {
        List<String> problems = new ArrayList<>();
        if (application == null) {
            return new ValidationReport(null, List.of("application: the request has no application in it"));
        }
        String id = application.applicationId();
        if (id == null || id.isBlank()) {
            problems.add("applicationId: missing");
        } else if (!APPLICATION_ID.matcher(id).matches()) {
            problems.add("applicationId: '" + id + "' - use 1-64 letters, digits, '-' or '_'");
        }
        String name = application.applicantName();
        if (name == null || name.isBlank()) {
            problems.add("applicantName: missing");
        } else if (name.length() > 100) {
            problems.add("applicantName: longer than 100 characters");
        }
        String sin = application.sin();
        if (sin == null || sin.isBlank()) {
            problems.add("sin: missing - give the 9-digit social insurance number");
        } else if (!SIN.matcher(sin.strip()).matches()) {
            // Never echo the value: it is personal data.
            problems.add("sin: not 9 digits (write it as 123456789 or 123-456-789)");
        }
        BigDecimal amount = application.amount();
        if (amount == null) {
            problems.add("amount: missing - give the loan amount in dollars");
        } else if (amount.compareTo(MIN_AMOUNT) < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add("amount: " + amount.toPlainString() + " is out of range - use "
                    + MIN_AMOUNT.toPlainString() + " to " + MAX_AMOUNT.toPlainString());
        }
        if (!problems.isEmpty()) {
            return new ValidationReport(null, problems);
        }
        String digits = sin.replace("-", "").strip();
        return new ValidationReport(new ValidatedApplication(id, name.strip(), digits.substring(5), amount), List.of());
    }
}
