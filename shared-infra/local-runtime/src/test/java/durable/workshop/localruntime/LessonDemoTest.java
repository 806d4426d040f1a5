package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The lesson demos end to end on the reference solutions, against the local endpoint through the AWS SDK clients,
 * at time scale 60 (lesson 1's 5-minute polls every 5 s). The stack comes from each lesson's own CDK app.
 */
class LessonDemoTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final double TIME_SCALE = 60;

    @TempDir
    Path state;

    @Test
    void lesson1PollsUntilTheItemIsCompleted() throws Exception {
        List<String> out = runDemo("solutions/01-polling-wait", "durable.workshop.lesson1.infra.Lesson1App", 1);
        String text = String.join("\n", out);
        assertThat(text).contains(": SUCCEEDED  {\"key\":\"test-item\",\"value\":\"completed\"");
        // each poll is a step attempt: the one that asked for another, then the one that found the item completed
        assertThat(text.lines().filter(l -> l.matches(".*StepSucceeded +wait-until-completed"))).hasSize(2);
    }

    @Test
    void lesson2EndsEachSampleOrderAsTheLessonSays() throws Exception {
        List<String> out = runDemo("solutions/02-order-chaining", "durable.workshop.lesson2.infra.Lesson2App", 2);
        String text = String.join("\n", out);
        assertThat(text).contains("ChainedInvokeSucceeded").contains("ORDER-001").contains("FAILED");
    }

    private List<String> runDemo(String lesson, String appClass, int number) throws Exception {
        StackDefinition stack = synth(ROOT.resolve(lesson).resolve("infra"), appClass);
        List<String> out = new ArrayList<>();
        try (LocalRuntime runtime = new LocalRuntime(new LocalRuntime.Options(stack.stackName, null,
                getClass().getClassLoader(), state, TIME_SCALE, 0, System.out::println), stack);
             LambdaClient lambda = DemoMain.localLambda(runtime.endpoint());
             var dynamo = runtime.dynamo()) {
            DemoSession session = new DemoSession(lambda, dynamo, stack, TIME_SCALE, ROOT.resolve(lesson), line -> {
                System.out.println(line);
                out.add(line);
            });
            assertThat(DemoMain.run(LessonDemo.BY_LESSON.get(number), session)).as("demo exit status").isZero();
        }
        return out;
    }

    /** Synthesizes the lesson's CDK app in its infra folder (it reads config/ from there), as the CDK CLI would. */
    private StackDefinition synth(Path infra, String appClass) throws IOException, InterruptedException {
        Path jar = Files.createFile(state.resolve("placeholder-function.jar"));
        Path out = state.resolve("cdk.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LessonSynth.class.getName(), appClass, jar.toString(),
                out.toString(), "solutions")
                .directory(infra.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("synth of " + appClass + ":\n" + log).isZero();
        String stackName = Files.readString(out.resolve("stack-name.txt"));
        return StackDefinition.read(out.resolve(stackName + ".template.json"));
    }
}
