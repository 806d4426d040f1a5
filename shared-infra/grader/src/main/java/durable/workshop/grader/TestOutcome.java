package durable.workshop.grader;

import java.util.Set;

/** What happened to one graded test. */
record TestOutcome(String name, Set<String> exerciseIds, Status status, Throwable error, String trace) {

    enum Status { PASSED, FAILED, SKIPPED }

    boolean passed() {
        return status == Status.PASSED;
    }
}
