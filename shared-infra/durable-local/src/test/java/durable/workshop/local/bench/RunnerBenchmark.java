package durable.workshop.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.ParallelDurableFuture;
import software.amazon.lambda.durable.config.WaitForConditionConfig;
import software.amazon.lambda.durable.model.ExecutionStatus;
import software.amazon.lambda.durable.model.WaitForConditionResult;
import software.amazon.lambda.durable.retry.WaitStrategies;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Wall time of {@code runUntilComplete} after warm-up, for three shapes of workflow. Not a unit test: run it with
 * {@code ./mvnw -o -q -pl shared-infra/durable-local test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=durable.workshop.local.bench.RunnerBenchmark}.
 */
public final class RunnerBenchmark {
    private static final int WARMUP = 100;
    private static final int MEASURED = 50;
    private static final long TARGET_MS = 40;

    private RunnerBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("%-44s %9s %9s %9s  %s%n", "scenario (runUntilComplete)", "median", "p90", "max", "target");
        boolean ok = true;
        ok &= measure("200 steps, a wait after every 20th", RunnerBenchmark::stepsAndWaits);
        ok &= measure("waitForCondition with 100 polls", RunnerBenchmark::hundredPolls);
        ok &= measure("parallel with 50 one-step branches", RunnerBenchmark::fiftyBranches);
        if (!ok) {
            System.out.println("at least one scenario missed the " + TARGET_MS + " ms target");
            System.exit(1);
        }
    }

    private static boolean measure(String name, Supplier<LocalDurableTestRunner<String, String>> factory) {
        for (int i = 0; i < WARMUP; i++) {
            check(factory.get().runUntilComplete("in"));
        }
        double[] ms = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            LocalDurableTestRunner<String, String> runner = factory.get();
            long start = System.nanoTime();
            TestResult<String> r = runner.runUntilComplete("in");
            ms[i] = (System.nanoTime() - start) / 1e6;
            check(r);
        }
        Arrays.sort(ms);
        double median = ms[MEASURED / 2];
        double p90 = ms[(int) (MEASURED * 0.9)];
        double max = ms[MEASURED - 1];
        boolean pass = median < TARGET_MS;
        System.out.printf("%-44s %6.2f ms %6.2f ms %6.2f ms  %s%n", name, median, p90, max,
                pass ? "< " + TARGET_MS + " ms: ok" : "MISSED " + TARGET_MS + " ms");
        return pass;
    }

    private static void check(TestResult<String> r) {
        if (r.getStatus() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("benchmark workflow did not succeed: " + r.getStatus() + " " + r.getError());
        }
    }

    static LocalDurableTestRunner<String, String> stepsAndWaits() {
        return LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            int sum = 0;
            for (int i = 1; i <= 200; i++) {
                int n = i;
                sum += ctx.step("step-" + i, Integer.class, () -> n);
                if (i % 20 == 0) {
                    ctx.wait("wait-" + i, Duration.ofMinutes(1));
                }
            }
            return in + sum;
        });
    }

    static LocalDurableTestRunner<String, String> hundredPolls() {
        return LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            Integer polls = ctx.waitForCondition("poll", Integer.class, (state, step) -> state + 1 >= 100
                    ? WaitForConditionResult.stopPolling(state + 1)
                    : WaitForConditionResult.continuePolling(state + 1),
                    WaitForConditionConfig.<Integer>builder().initialState(0)
                            .waitStrategy(WaitStrategies.fixedDelay(100, Duration.ofSeconds(5))).build());
            return in + polls;
        });
    }

    static LocalDurableTestRunner<String, String> fiftyBranches() {
        return LocalDurableTestRunner.create(String.class, (String in, DurableContext ctx) -> {
            ParallelDurableFuture p = ctx.parallel("fan-out");
            List<DurableFuture<Integer>> branches = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                branches.add(p.branch("branch-" + i, Integer.class,
                        b -> b.step("work-" + n, Integer.class, () -> n)));
            }
            p.get();
            return in + DurableFuture.allOf(branches).stream().mapToInt(Integer::intValue).sum();
        });
    }
}
