package durable.workshop.localruntime;

import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.WorkshopApp;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

/**
 * Synthesizes a lesson's CDK app in this JVM (offline, like {@code make synth}) and reads its template: the
 * runtime takes the functions, tables and routes from there. The app class is the infra module's
 * {@code cdk.app.main}, which has {@code static Stack define(App)}.
 */
final class LessonSynth {

    private LessonSynth() {
    }

    /**
     * Synthesizes {@code appClass} in this JVM. The app reads its {@code config/} folder from the working
     * directory, so this process must run in the lesson's infra folder (as the CDK CLI does).
     */
    static StackDefinition synth(String appClass, ClassLoader loader, Path functionJar, Path outDir, String track) {
        try {
            Files.createDirectories(outDir);
            App app = new App(AppProps.builder()
                    .context(Map.of(FunctionJar.CONTEXT_KEY, functionJar.toAbsolutePath().toString(),
                            WorkshopApp.TRACK_CONTEXT, track))
                    .outdir(outDir.toAbsolutePath().toString())
                    .build());
            Method define = Class.forName(appClass, true, loader).getMethod("define", App.class);
            Stack stack = (Stack) define.invoke(null, app);
            app.synth();
            Path template = outDir.resolve(stack.getTemplateFile());
            Files.writeString(outDir.resolve("stack-name.txt"), stack.getStackName());
            return StackDefinition.parse(stack.getStackName(), Files.readString(template));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("The CDK app " + appClass + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("Cannot synthesize " + appClass + ": " + e, e);
        }
    }

    /**
     * {@code APP_CLASS FUNCTION_JAR OUT_DIR TRACK}, run in the infra folder: synthesizes into OUT_DIR, which then
     * holds the template and stack-name.txt (for tests and tools that run elsewhere).
     */
    public static void main(String[] args) {
        synth(args[0], LessonSynth.class.getClassLoader(), Path.of(args[1]), Path.of(args[2]), args[3]);
    }
}
