package durable.workshop.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a test's Throwable into short readable text: no stack traces, only what a learner needs. */
final class Failures {

    private static final Pattern TODO = Pattern.compile("TODO (\\d+\\.\\d+)");
    private static final int MAX_LINES = 12;
    private static final int MAX_CHARS = 1200;

    private Failures() {
    }

    /** Every message in the cause chain, "Type: message" per line, for TODO and error checks. */
    static String fullText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t : chain(error)) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** The exercise ids of every {@code TODO n.m} in the failure. */
    static Set<String> todos(Throwable error) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = TODO.matcher(fullText(error));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    static boolean isTimeout(Throwable error) {
        return chain(error).stream().anyMatch(t -> t instanceof TimeoutException
                || t.getClass().getSimpleName().contains("Timeout") && String.valueOf(t.getMessage()).contains("timed out"));
    }

    static boolean isNullPointer(Throwable error) {
        return chain(error).stream().anyMatch(t -> t instanceof NullPointerException)
                || fullText(error).contains("NullPointerException");
    }

    static boolean isCompileOrLinkage(Throwable error) {
        return chain(error).stream().anyMatch(t -> t instanceof LinkageError || t instanceof ClassNotFoundException
                || String.valueOf(t.getMessage()).contains("Unresolved compilation"));
    }

    /** True for a failed check (an AssertionError) rather than an exception the code did not expect. */
    static boolean isAssertion(Throwable error) {
        return error instanceof AssertionError;
    }

    /** The failure message: trimmed, at most a dozen lines, without stack trace lines. */
    static String message(Throwable error) {
        if (isAssertion(error)) {
            return trim(String.valueOf(error.getMessage()));
        }
        StringBuilder text = new StringBuilder(describe(error));
        List<Throwable> chain = chain(error);
        for (int i = 1; i < chain.size() && i <= 3; i++) {
            text.append("\ncaused by ").append(describe(chain.get(i)));
        }
        return trim(text.toString());
    }

    /** Type and message, with the JDK's own packages left out: "IllegalStateException: boom". */
    static String describe(Throwable t) {
        String type = t.getClass().getName();
        if (type.startsWith("java.") || type.startsWith("org.opentest4j.")) {
            type = t.getClass().getSimpleName();
        }
        return t.getMessage() == null ? type : type + ": " + t.getMessage();
    }

    /**
     * The first stack frame in the learner's code (a class compiled into {@code mainClasses}), looking at the
     * innermost cause first because that is where the problem started.
     */
    static String learnerFrame(Throwable error, Path mainClasses) {
        if (mainClasses == null || isAssertion(error)) {
            return null;
        }
        List<Throwable> chain = chain(error);
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (StackTraceElement frame : chain.get(i).getStackTrace()) {
                String outer = frame.getClassName().replaceAll("\\$.*", "");
                if (Files.isRegularFile(mainClasses.resolve(outer.replace('.', '/') + ".class"))) {
                    return frame.getClassName() + "." + frame.getMethodName()
                            + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
                }
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String trim(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            if (!line.strip().startsWith("at ") && !line.isBlank()) {
                lines.add(line.stripTrailing());
            }
        }
        String joined = String.join("\n", lines.subList(0, Math.min(lines.size(), MAX_LINES)));
        if (lines.size() > MAX_LINES || joined.length() > MAX_CHARS) {
            joined = joined.substring(0, Math.min(joined.length(), MAX_CHARS)) + " …";
        }
        return joined;
    }
}
