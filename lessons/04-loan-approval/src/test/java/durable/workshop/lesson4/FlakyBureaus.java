package durable.workshop.lesson4;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated bureaus, with a number of failed calls before each bureau answers, and a count of calls. Thread
 * safe: the official SDK runs parallel branches on threads of their own.
 */
final class FlakyBureaus implements CreditBureau {

    private final CreditBureaus real = new CreditBureaus(Set.of());
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    final Map<String, Integer> calls = new ConcurrentHashMap<>();

    /** {@code bureau} fails its first {@code times} calls ({@code Integer.MAX_VALUE}: it is down). */
    FlakyBureaus failing(String bureau, int times) {
        failuresLeft.put(bureau, times);
        return this;
    }

    @Override
    public CreditScore score(String bureau, ValidatedApplication application, int attempt) {
        calls.merge(bureau, 1, Integer::sum);
        int before = failuresLeft.getOrDefault(bureau, 0);
        failuresLeft.computeIfPresent(bureau, (name, left) -> left == Integer.MAX_VALUE || left == 0 ? left : left - 1);
        if (before > 0) {
            throw new CreditBureaus.BureauUnavailableException(bureau + " timed out");
        }
        return real.score(bureau, application, attempt);
    }
}
