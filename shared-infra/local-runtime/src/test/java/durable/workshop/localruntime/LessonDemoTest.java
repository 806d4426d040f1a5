package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The lesson demos end to end on the reference solutions, against the local endpoint through the AWS SDK clients,
 * at time scale 60 (lesson 1's 5-minute polls every 5 s; lesson 4's retry backoffs in milliseconds). The stack comes from each lesson's own CDK app.
 */
class LessonDemoTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final double TIME_SCALE = 60;
    private static final Map<String, String> APPS = Map.of(
            "solutions/01-polling-wait", "durable.workshop.lesson1.infra.Lesson1App",
            "solutions/02-order-chaining", "durable.workshop.lesson2.infra.Lesson2App",
            "solutions/03-approval-retry", "durable.workshop.lesson3.infra.Lesson3App",
            "solutions/04-loan-approval", "durable.workshop.lesson4.infra.Lesson4App");
    private static final Map<String, StackDefinition> STACKS = new LinkedHashMap<>();

    @TempDir
    static Path synthDir;
    @TempDir
    Path state;

    @BeforeAll
    static void synthesizeTheApps() throws Exception {
        // The CDK apps start slowly (the CDK's JavaScript runtime); synthesize them side by side.
        Path jar = Files.createFile(synthDir.resolve("placeholder-function.jar"));
        Map<String, Process> running = new LinkedHashMap<>();
        for (var app : APPS.entrySet()) {
            Path out = synthDir.resolve(Path.of(app.getKey()).getFileName());
            running.put(app.getKey(), new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LessonSynth.class.getName(), app.getValue(),
                    jar.toString(), out.toString(), "solutions")
                    .directory(ROOT.resolve(app.getKey()).resolve("infra").toFile())
                    .redirectErrorStream(true).start());
        }
        for (var p : running.entrySet()) {
            String log = new String(p.getValue().getInputStream().readAllBytes());
            assertThat(p.getValue().waitFor()).as("synth of " + p.getKey() + ":\n" + log).isZero();
            Path out = synthDir.resolve(Path.of(p.getKey()).getFileName());
            String stackName = Files.readString(out.resolve("stack-name.txt"));
            STACKS.put(p.getKey(), StackDefinition.read(out.resolve(stackName + ".template.json")));
        }
    }

    @Test
    void lesson1PollsUntilTheItemIsCompleted() throws Exception {
        String text = String.join("\n", runDemo("solutions/01-polling-wait", 1));
        assertThat(text).contains(": SUCCEEDED  {\"key\":\"test-item\",\"value\":\"completed\"");
        // each poll is a step attempt: the one that asked for another, then the one that found the item completed
        assertThat(text.lines().filter(l -> l.matches(".*StepSucceeded +wait-until-completed"))).hasSize(2);
    }

    @Test
    void lesson2EndsEachSampleOrderAsTheLessonSays() throws Exception {
        String text = String.join("\n", runDemo("solutions/02-order-chaining", 2));
        assertThat(text).contains("ChainedInvokeSucceeded").contains("ORDER-001").contains("FAILED");
    }

    @Test
    void lesson3WaitsForTheApproverAndRetriesThePayment() throws Exception {
        String text = String.join("\n", runDemo("solutions/03-approval-retry", 3));
        // listed and inspected while it waits: RUNNING, its callback started and not yet answered
        assertThat(text).containsPattern("order-123-[0-9-]+ +RUNNING").contains("CallbackStarted");
        assertThat(text).containsPattern(": SUCCEEDED  \\{.*\"status\":\"COMPLETED\"")
                .containsPattern(": SUCCEEDED  \\{.*\"status\":\"CANCELLED\"");
        assertThat(text).containsPattern("order-789-[0-9-]+: FAILED .*items\\[0\\]\\.quantity");
        // the sandbox's 503 to the first attempt, retried with the same key
        assertThat(text).containsPattern("charge-payment attempt 1 failed \\(.*503.*\\), retried after");
    }

    @Test
    void lesson4DecidesTheThreeProfilesThroughTheHttpApi() throws Exception {
        String text = String.join("\n", runDemo("solutions/04-loan-approval", 4));
        assertThat(text).contains("the local runtime does not check authorizers");
        // Alice waited for the manager before the approval was sent, then each execution ended with its decision
        assertThat(text.indexOf("awaitingApproval")).isPositive().isLessThan(text.indexOf("POST /approve 200"));
        assertThat(text).containsPattern("alice-[0-9-]+: SUCCEEDED .*\"status\":\"APPROVED\".*approved by a manager")
                .containsPattern("bob-[0-9-]+: SUCCEEDED .*\"status\":\"DENIED\".*credit score too low")
                .containsPattern("charlie-[0-9-]+: SUCCEEDED .*\"status\":\"APPROVED\"");
        assertThat(text.lines().filter(l -> l.matches(".*CallbackSucceeded +manager-approval.*"))).hasSize(1);
    }

    private List<String> runDemo(String lesson, int number) throws Exception {
        StackDefinition stack = STACKS.get(lesson);
        List<String> out = new ArrayList<>();
        try (LocalRuntime runtime = new LocalRuntime(new LocalRuntime.Options(stack.stackName, null,
                getClass().getClassLoader(), state, TIME_SCALE, 0, System.out::println), stack);
             LambdaClient lambda = DemoMain.localLambda(runtime.endpoint());
             var dynamo = runtime.dynamo()) {
            DemoSession session = new DemoSession(lambda, dynamo, stack, TIME_SCALE, ROOT.resolve(lesson),
                    runtime.httpApiEndpoint(), line -> {
                System.out.println(line);
                out.add(line);
            });
            int status = DemoMain.run(LessonDemo.BY_LESSON.get(number), session);
            // The demo says why it failed in its last lines; a CI log shows the assertion, not the whole output.
            assertThat(status).as(() -> "demo exit status; the demo ended with:\n"
                    + String.join("\n", out.subList(Math.max(0, out.size() - 20), out.size()))).isZero();
        }
        return out;
    }
}
