package durable.workshop.lesson4;

import java.math.BigDecimal;

/** The demo profiles (the demo script submits the same ones). */
final class Profiles {

    static final LoanApplication ALICE =
            new LoanApplication("alice-001", "Alice Johnson", "046-451-111", new BigDecimal("150000"));
    static final LoanApplication BOB =
            new LoanApplication("bob-001", "Bob Martinez", "046-452-222", new BigDecimal("50000"));
    static final LoanApplication CHARLIE =
            new LoanApplication("charlie-001", "Charlie Wilson", "046-453-333", new BigDecimal("25000"));

    private Profiles() {
    }

    /** The same applicant asking for another amount, under another id. */
    static LoanApplication withAmount(LoanApplication application, String id, String amount) {
        return new LoanApplication(id, application.applicantName(), application.sin(), new BigDecimal(amount));
    }

    static ValidatedApplication validated(LoanApplication application) {
        return ApplicationValidator.check(application).application();
    }
}
