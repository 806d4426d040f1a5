package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private final Lesson lesson = Lesson.load(Fixtures.lessonDir(), Lang.EN);

    private String print(String lessonPath, List<TestOutcome> outcomes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Scorecard(lesson, outcomes, Lang.EN, Path.of("no-classes"), lessonPath)
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8), outcomes.size(), 0.1);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static TestOutcome passed(String id) {
        return new TestOutcome("test" + id, Set.of(id), TestOutcome.Status.PASSED, null, null);
    }

    private static TestOutcome failedWithTrace(String id, int traceLines) {
        String trace = IntStream.rangeClosed(1, traceLines).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        return new TestOutcome("test" + id, Set.of(id), TestOutcome.Status.FAILED,
                new AssertionError("TODO " + id + ": not yet"), trace);
    }

    @Test
    void aSolvedSolutionPointsToDeployingTheSolutionNotTheLearnersCode() {
        String output = print("solutions/09-fixture", List.of(passed("9.1"), passed("9.2")));

        assertThat(output).contains("make deploy LESSON=9 TARGET=solutions").doesNotContain("check-lesson");
    }

    @Test
    void anUnsolvedSolutionIsCheckedAgainWithCheckSolution() {
        String output = print("solutions/09-fixture", List.of(passed("9.1"), failedWithTrace("9.2", 1)));

        assertThat(output).contains("then run `make check-solution LESSON=9` again");
    }

    @Test
    void aLongTraceKeepsItsStartAndEndAndSaysHowManyLinesAreCut() {
        String output = print("lessons/09-fixture", List.of(passed("9.1"), failedWithTrace("9.2", 40)));

        assertThat(output).contains("line 8\n    … 10 lines not shown …\n    line 19").contains("line 40")
                .doesNotContain("line 9\n").doesNotContain("line 18\n");
    }

    @Test
    void aTraceJustOverTheLimitIsShownWhole() {
        String output = print("lessons/09-fixture", List.of(passed("9.1"), failedWithTrace("9.2", 31)));

        assertThat(output).contains("line 1\n").contains("line 31").doesNotContain("not shown");
    }
}
