package durable.workshop.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A lesson's CDK app synthesized in its infra folder (it reads config/ from there), as `make run` does. */
final class LessonStack {
    private LessonStack() {
    }

    /** {stack name, template JSON}. */
    static String[] synth(Path infra, String appClass, Path work) throws IOException, InterruptedException {
        Path jar = Files.write(work.resolve("placeholder-function.jar"), new byte[0]);
        Path out = work.resolve("cdk.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "durable.workshop.localruntime.LessonSynth", appClass,
                jar.toString(), out.toString(), "solutions")
                .directory(infra.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("synth of " + appClass + " failed:\n" + log);
        }
        String stackName = Files.readString(out.resolve("stack-name.txt")).strip();
        return new String[] {stackName, Files.readString(out.resolve(stackName + ".template.json"))};
    }
}
