package durable.workshop.lesson4;

import java.math.BigDecimal;

/** The simulated fraud service's rules: deterministic, so the demo profiles are always cleared. */
public final class FraudRules {

    /** SIN endings on the simulated watch list. */
    public static final java.util.Set<String> WATCH_LIST = java.util.Set.of("0000", "6666");
    private static final BigDecimal LARGE = new BigDecimal("500000");

    private FraudRules() {
    }

    public static FraudVerdict assess(FraudCheckRequest request) {
        if (WATCH_LIST.contains(request.sinLast4())) {
            return new FraudVerdict(false, 95, "the SIN ending " + request.sinLast4() + " is on the watch list");
        }
        int risk = request.amount().compareTo(LARGE) > 0 ? 40 : 10;
        return new FraudVerdict(true, risk, "no fraud indicators");
    }
}
