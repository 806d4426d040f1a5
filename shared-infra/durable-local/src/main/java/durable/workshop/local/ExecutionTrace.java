package durable.workshop.local;

import java.time.Duration;
import java.util.List;

/**
 * What happened in one durable execution run by a local test runner, invocation by invocation: which operations ran,
 * which were replayed from checkpoints, where and why an invocation suspended and how the execution ended.
 */
public final class ExecutionTrace {

    /** One line of the timeline. {@code depth} is 0 for the handler's own operations, 1 inside a child context, ... */
    public record Entry(int depth, String action, String kind, String name, String detail) {
        /** True when the operation's result came from the checkpoint log instead of running its code. */
        public boolean replayed() {
            return "replayed".equals(action);
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(action);
            if (kind != null) {
                sb.append(' ').append(kind);
            }
            if (name != null) {
                sb.append(" \"").append(name).append('"');
            }
            if (detail != null && !detail.isEmpty()) {
                sb.append(' ').append(detail);
            }
            return sb.toString();
        }
    }

    /**
     * One invocation of the handler. {@code at} is the virtual time since the execution started; {@code outcome} is
     * e.g. {@code suspended: wait "pause" until +5m0s} or {@code succeeded}.
     */
    public record Invocation(int number, Duration at, List<Entry> entries, String outcome) { }

    private final List<Invocation> invocations;

    public ExecutionTrace(List<Invocation> invocations) {
        this.invocations = List.copyOf(invocations);
    }

    public List<Invocation> invocations() {
        return invocations;
    }

    public int invocationCount() {
        return invocations.size();
    }

    /** How many times the code of the named operation ran (each attempt or poll counts). */
    public long ranCount(String operationName) {
        return count(operationName, false);
    }

    /** How many times the named operation was answered from the checkpoint log. */
    public long replayedCount(String operationName) {
        return count(operationName, true);
    }

    private long count(String operationName, boolean replayed) {
        return invocations.stream()
                .flatMap(i -> i.entries().stream())
                .filter(e -> operationName.equals(e.name()))
                .filter(e -> replayed ? e.replayed() : "ran".equals(e.action()))
                .count();
    }

    /** The outcome of the last invocation, e.g. {@code succeeded}. */
    public String lastOutcome() {
        return invocations.isEmpty() ? "not run" : invocations.get(invocations.size() - 1).outcome();
    }

    /** A short readable timeline: one header line per invocation, one line per operation, indented for children. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Invocation inv : invocations) {
            sb.append("invocation ").append(inv.number());
            if (!inv.at().isZero()) {
                sb.append(" (+").append(formatDuration(inv.at())).append(')');
            }
            sb.append('\n');
            for (Entry e : inv.entries()) {
                sb.append("  ".repeat(e.depth() + 1)).append(e.render()).append('\n');
            }
            sb.append("  ").append(inv.outcome()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** 1h2m3s style, the way the course writes durations. */
    public static String formatDuration(Duration d) {
        long s = d.getSeconds();
        long ms = d.toMillisPart();
        StringBuilder sb = new StringBuilder();
        if (s >= 86400) {
            sb.append(s / 86400).append('d');
            s %= 86400;
        }
        if (s >= 3600 || sb.length() > 0) {
            sb.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60 || sb.length() > 0) {
            sb.append(s / 60).append('m');
            s %= 60;
        }
        sb.append(s);
        if (ms > 0) {
            sb.append('.').append(String.format("%03d", ms));
        }
        sb.append('s');
        return sb.toString();
    }
}
