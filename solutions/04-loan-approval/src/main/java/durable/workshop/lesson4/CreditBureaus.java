package durable.workshop.lesson4;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three bureaus the workflow asks, and a simulated bureau service for the demo: scores depend only on the
 * last four digits of the SIN, so every outcome is repeatable. A bureau named in {@code outages} is down
 * (every call fails), which shows the retries and the completion rule.
 */
public final class CreditBureaus implements CreditBureau {

    public static final String EQUIFAX = "equifax";
    public static final String TRANSUNION = "transunion";
    public static final String EXPERIAN = "experian";
    /** In the order the branches are added. */
    public static final List<String> ALL = List.of(EQUIFAX, TRANSUNION, EXPERIAN);

    /** Alice Johnson (1111), Bob Martinez (2222), Charlie Wilson (3333): the demo profiles' base scores. */
    static final Map<String, Integer> PROFILE_SCORES = Map.of("1111", 780, "2222", 580, "3333", 700);
    private static final Map<String, Integer> BUREAU_OFFSET = Map.of(EQUIFAX, -10, TRANSUNION, 0, EXPERIAN, 10);

    private final Set<String> outages;

    public CreditBureaus(Set<String> outages) {
        this.outages = Set.copyOf(outages);
    }

    @Override
    public CreditScore score(String bureau, ValidatedApplication application, int attempt) {
        if (!BUREAU_OFFSET.containsKey(bureau)) {
            throw new IllegalArgumentException("bureau: '" + bureau + "' is none of " + ALL);
        }
        if (outages.contains(bureau)) {
            throw new BureauUnavailableException(bureau + " did not answer (attempt " + attempt + ")");
        }
        return new CreditScore(bureau, baseScore(application.sinLast4()) + BUREAU_OFFSET.get(bureau));
    }

    /** The profiles' scores, else one from 600 to 799 derived from the digits. */
    static int baseScore(String sinLast4) {
        Integer profile = PROFILE_SCORES.get(sinLast4);
        return profile != null ? profile : 600 + Math.floorMod(sinLast4.hashCode(), 200);
    }

    /** A transient bureau failure: worth retrying. */
    public static class BureauUnavailableException extends RuntimeException {
        public BureauUnavailableException(String message) {
            super(message);
        }
    }
}
