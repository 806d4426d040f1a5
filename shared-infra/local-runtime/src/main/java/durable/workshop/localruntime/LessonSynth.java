package durable.workshop.localruntime;

import durable.workshop.cdk.FunctionJar;
import durable.workshop.cdk.WorkshopApp;
import durable.workshop.cdk.WorkshopConfig;
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
    private static final String STACK_NAME_FILE = "stack-name.txt";
    private static final String TRACK_FILE = "track.txt";

    private LessonSynth() {
    }

    /**
     * Synthesizes {@code appClass} in this JVM for {@code stage} (the CDK context {@code make synth STAGE=...}
     * sets). The app reads its {@code config/} folder from the working directory, so this process must run in
     * the lesson's infra folder (as the CDK CLI does).
     */
    static StackDefinition synth(String appClass, ClassLoader loader, Path functionJar, Path outDir, String track,
                                 String stage) {
        String build = track + " " + stage;
        try {
            StackDefinition cached = cached(outDir, build);
            if (cached != null) {
                return cached;
            }
            Files.createDirectories(outDir);
            App app = new App(AppProps.builder()
                    .context(Map.of(FunctionJar.CONTEXT_KEY, functionJar.toAbsolutePath().toString(),
                            WorkshopApp.TRACK_CONTEXT, track, WorkshopConfig.STAGE_CONTEXT, stage))
                    .outdir(outDir.toAbsolutePath().toString())
                    .build());
            Method define = Class.forName(appClass, true, loader).getMethod("define", App.class);
            Stack stack = (Stack) define.invoke(null, app);
            app.synth();
            Path template = outDir.resolve(stack.getTemplateFile());
            Files.writeString(outDir.resolve(STACK_NAME_FILE), stack.getStackName());
            Files.writeString(outDir.resolve(TRACK_FILE), build);
            return StackDefinition.parse(stack.getStackName(), Files.readString(template));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("The CDK app " + appClass + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("Cannot synthesize " + appClass + ": " + e, e);
        }
    }

    /**
     * The template of the last synthesis, if nothing it was made from changed since: the app's classes and
     * config (in the working directory), for the same track and stage. The function jar only gives the
     * template an asset hash, which the runtime does not use. Synthesizing starts the CDK's JavaScript runtime, most of the start-up time.
     */
    private static StackDefinition cached(Path outDir, String build) throws java.io.IOException {
        Path nameFile = outDir.resolve(STACK_NAME_FILE);
        Path trackFile = outDir.resolve(TRACK_FILE);
        if (!Files.isRegularFile(nameFile) || !Files.isRegularFile(trackFile) || !Files.readString(trackFile).equals(build)) {
            return null;
        }
        Path template = outDir.resolve(Files.readString(nameFile) + ".template.json");
        if (!Files.isRegularFile(template)) {
            return null;
        }
        long made = Files.getLastModifiedTime(template).toMillis();
        for (Path source : new Path[] {Path.of("target/classes"), Path.of("config")}) {
            if (!Files.exists(source)) {
                continue;
            }
            try (var files = Files.walk(source)) {
                if (files.anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).toMillis() > made;
                    } catch (java.io.IOException e) {
                        return true;
                    }
                })) {
                    return null;
                }
            }
        }
        return StackDefinition.read(template);
    }

    /**
     * {@code APP_CLASS FUNCTION_JAR OUT_DIR TRACK [STAGE]}, run in the infra folder: synthesizes into OUT_DIR, which then
     * holds the template and stack-name.txt (for tests and tools that run elsewhere).
     */
    public static void main(String[] args) {
        synth(args[0], LessonSynth.class.getClassLoader(), Path.of(args[1]), Path.of(args[2]), args[3],
                args.length > 4 ? args[4] : WorkshopConfig.DEFAULT_STAGE);
    }
}
