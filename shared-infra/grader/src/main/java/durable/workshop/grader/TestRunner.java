package durable.workshop.grader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a lesson's tests through the JUnit Platform launcher and collects one outcome per test. */
final class TestRunner {

    static final String TAG_PREFIX = "exercise:";

    private TestRunner() {
    }

    /**
     * Graded tests are the ones tagged with an exercise. A module's other tests (of its support code, such as
     * lesson 2's workers) are ordinary unit tests: Maven runs them, the scorecard leaves them out.
     */
    static PostDiscoveryFilter gradedOnly() {
        return descriptor -> (!descriptor.isTest()
                || descriptor.getTags().stream().anyMatch(tag -> tag.getName().startsWith(TAG_PREFIX)))
                ? FilterResult.included("graded")
                : FilterResult.excluded("no exercise tag: not graded");
    }

    /** Selects every test class under the module's compiled test classes. */
    static List<DiscoverySelector> testClassesOf(Path lessonDir) {
        Path testClasses = lessonDir.resolve("target/test-classes").toAbsolutePath();
        return List.copyOf(DiscoverySelectors.selectClasspathRoots(Set.of(testClasses)));
    }

    static List<TestOutcome> run(List<DiscoverySelector> selectors, int timeoutSeconds, boolean verbose) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(gradedOnly())
                // A test stuck in a loop must not hang the grader: fail it after the timeout, on its own thread.
                .configurationParameter("junit.jupiter.execution.timeout.default", timeoutSeconds + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        Collector collector = new Collector();
        Launcher launcher = LauncherFactory.create();
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (!verbose) {
            // Logs of the code under test would bury the scorecard.
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true);
            System.setOut(sink);
            System.setErr(sink);
        }
        try {
            launcher.execute(request, collector);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return collector.outcomes();
    }

    /** Records results and, for failed tests, the durable-local trace of the latest execution. */
    private static final class Collector implements TestExecutionListener {
        private final Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        private final Map<String, String> skipped = new ConcurrentHashMap<>();
        private final Map<String, String> traces = new ConcurrentHashMap<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                DurableTraces.clear();
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            skipped.put(id.getUniqueId(), reason == null ? "" : reason);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            results.put(id.getUniqueId(), result);
            if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                DurableTraces.latest().ifPresent(trace -> traces.put(id.getUniqueId(), trace));
            }
        }

        List<TestOutcome> outcomes() {
            List<TestOutcome> outcomes = new ArrayList<>();
            if (plan == null) {
                return outcomes;
            }
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    if (id.isTest()) {
                        outcomes.add(outcome(id));
                    }
                }
            }
            return outcomes;
        }

        private TestOutcome outcome(TestIdentifier id) {
            Set<String> exercises = new LinkedHashSet<>();
            for (TestTag tag : id.getTags()) {
                if (tag.getName().startsWith(TAG_PREFIX)) {
                    exercises.add(tag.getName().substring(TAG_PREFIX.length()).strip());
                }
            }
            String name = name(id);
            TestExecutionResult own = results.get(id.getUniqueId());
            if (own != null) {
                TestOutcome.Status status = own.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                        ? TestOutcome.Status.PASSED
                        : own.getStatus() == TestExecutionResult.Status.ABORTED ? TestOutcome.Status.SKIPPED : TestOutcome.Status.FAILED;
                return new TestOutcome(name, exercises, status, own.getThrowable().orElse(null), traces.get(id.getUniqueId()));
            }
            // Not run: a failing class setup (for example @BeforeAll) or a skip explains why.
            for (Optional<TestIdentifier> up = Optional.of(id); up.isPresent(); up = plan.getParent(up.get())) {
                TestExecutionResult result = results.get(up.get().getUniqueId());
                if (result != null && result.getThrowable().isPresent()) {
                    return new TestOutcome(name, exercises, TestOutcome.Status.FAILED, result.getThrowable().get(), null);
                }
                if (skipped.containsKey(up.get().getUniqueId())) {
                    return new TestOutcome(name, exercises, TestOutcome.Status.SKIPPED, null, null);
                }
            }
            return new TestOutcome(name, exercises, TestOutcome.Status.SKIPPED, null, null);
        }

        /** "PollingHandlerTest > stops when completed" — class and test display names, without the engine. */
        private String name(TestIdentifier id) {
            List<String> parts = new ArrayList<>();
            for (Optional<TestIdentifier> up = Optional.of(id); up.isPresent(); up = plan.getParent(up.get())) {
                if (plan.getParent(up.get()).isPresent()) {
                    parts.add(0, up.get().getDisplayName());
                }
            }
            return String.join(" > ", parts);
        }
    }

    private static boolean prewarmed;

    /**
     * Asks testkit (when the module uses it) to start the local servers its tests will need in the background, while
     * the grader compiles and discovers the tests; once per JVM. Through reflection: the grader does not depend on it.
     */
    static synchronized void prewarm(Path lessonDir) {
        if (prewarmed) {
            return;
        }
        prewarmed = true;
        try {
            Class.forName("durable.workshop.testkit.Prewarm").getMethod("start", Path.class)
                    .invoke(null, lessonDir.resolve("target/test-classes"));
        } catch (ReflectiveOperationException | LinkageError absent) {
            // No testkit on the classpath: the tests need none of its servers.
        }
    }

    /** durable-local's trace recorder, used through reflection: a lesson built on the official SDK has none. */
    static final class DurableTraces {
        private static final String CLASS = "durable.workshop.local.Traces";

        private DurableTraces() {
        }

        static void clear() {
            try {
                Class.forName(CLASS).getMethod("clear").invoke(null);
            } catch (ReflectiveOperationException | LinkageError absent) {
                // No durable-local on the classpath: nothing to clear.
            }
        }

        static Optional<String> latest() {
            try {
                Optional<?> trace = (Optional<?>) Class.forName(CLASS).getMethod("latest").invoke(null);
                if (trace.isEmpty()) {
                    return Optional.empty();
                }
                Method render = trace.get().getClass().getMethod("render");
                render.setAccessible(true);
                String text = String.valueOf(render.invoke(trace.get())).strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
                return Optional.empty();
            }
        }
    }
}
