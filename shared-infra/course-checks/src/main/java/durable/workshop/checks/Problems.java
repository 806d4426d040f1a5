package durable.workshop.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The problems one check found, with the advice that fixes them, rendered as one readable report. */
public final class Problems {

    private final String check;
    private final String advice;
    private final List<String> items = new ArrayList<>();

    public Problems(String check, String advice) {
        this.check = check;
        this.advice = advice;
    }

    public void add(String problem) {
        items.add(problem);
    }

    public List<String> list() {
        return Collections.unmodifiableList(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** "Twin rule: 2 problem(s)", the numbered problems, then what to do. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(check).append(": ").append(items.size()).append(" problem(s)\n");
        for (int i = 0; i < items.size(); i++) {
            out.append(String.format("  %d. %s%n", i + 1, items.get(i).replace("\n", "\n     ")));
        }
        out.append("How to fix: ").append(advice).append('\n');
        return out.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
