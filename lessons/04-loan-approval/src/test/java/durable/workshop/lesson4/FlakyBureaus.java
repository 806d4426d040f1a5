package durable.workshop.lesson4;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The simulated bureaus, with a number of failed calls before each bureau answers, and a count of calls. */
final class FlakyBureaus implements CreditBureau {

    private final CreditBureaus real = new CreditBureaus(Set.of());
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    final Map<String, Integer> calls = new HashMap<>();

    /** {@code bureau} fails its first {@code times} calls ({@code Integer.MAX_VALUE}: it is down). */
    FlakyBureaus failing(String bureau, int times) {
        failuresLeft.put(bureau, times);
        return this;
    }

    @Override
    public CreditScore score(String bureau, ValidatedApplication application, int attempt) {
        calls.merge(bureau, 1, Integer::sum);
        int left = failuresLeft.getOrDefault(bureau, 0);
        if (left > 0) {
            failuresLeft.put(bureau, left == Integer.MAX_VALUE ? left : left - 1);
            throw new CreditBureaus.BureauUnavailableException(bureau + " timed out");
        }
        return real.score(bureau, application, attempt);
    }
}
