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
        int score = credit.averageScore();
        BigDecimal amount = application.amount();
        if (score < MIN_SCORE) {
            return new Assessment(Assessment.DENY, "credit score too low: " + score + " is below the minimum of "
                    + MIN_SCORE, score);
        }
        BigDecimal limit = limitFor(score);
        if (amount.compareTo(limit) > 0) {
            return new Assessment(Assessment.DENY, "amount " + amount.toPlainString() + " is over the limit of "
                    + limit.toPlainString() + " for a credit score of " + score, score);
        }
        if (amount.compareTo(MANAGER_THRESHOLD) > 0) {
            return new Assessment(Assessment.MANAGER_APPROVAL, "amount " + amount.toPlainString() + " is over "
                    + MANAGER_THRESHOLD.toPlainString() + ", so a manager must approve it", score);
        }
        return new Assessment(Assessment.APPROVE, "credit score " + score + " and amount within the limit of "
                + limit.toPlainString(), score);
    }
}
