package durable.workshop.lesson4;

import java.math.BigDecimal;

/**
 * The lending rules, applied to the validated application and the credit report. Pure code: the workflow calls it
 * outside any step, so it must give the same answer on every replay (it reads only its two arguments).
 */
public final class LoanRules {

    /** Below this average score every application is denied. */
    public static final int MIN_SCORE = 650;
    /** From this average score the larger limit applies. */
    public static final int PRIME_SCORE = 750;
    public static final BigDecimal STANDARD_LIMIT = new BigDecimal("25000");
    public static final BigDecimal PRIME_LIMIT = new BigDecimal("250000");
    /** Amounts above this need a manager's approval. */
    public static final BigDecimal MANAGER_THRESHOLD = new BigDecimal("100000");

    private LoanRules() {
    }

    /** The most a borrower with this average score may borrow. */
    public static BigDecimal limitFor(int averageScore) {
        return averageScore >= PRIME_SCORE ? PRIME_LIMIT : STANDARD_LIMIT;
    }

    public static Assessment decide(ValidatedApplication application, CreditReport credit) {
        // TODO 4.3 — With score = credit.averageScore(): below MIN_SCORE deny ("credit score too low: ..."); an
        //  amount over limitFor(score) deny ("amount ... is over the limit of ..."); an amount over MANAGER_THRESHOLD
        //  needs MANAGER_APPROVAL; else APPROVE. Pass the score to every Assessment. (README: "Exercise 4.3")
        throw new UnsupportedOperationException(
                "TODO 4.3: apply the lending rules to the average score and the amount");
    }
}
