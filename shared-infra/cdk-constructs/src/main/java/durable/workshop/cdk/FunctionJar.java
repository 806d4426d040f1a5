package durable.workshop.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/** The lesson's function jar as Lambda code. Its path comes from the CDK context value {@code functionJar}. */
public final class FunctionJar {

    /** Context key: {@code cdk synth -c functionJar=path/to/function.jar}. */
    public static final String CONTEXT_KEY = "functionJar";
    /** Where the function module's build puts the jar, seen from the infra folder. */
    public static final String DEFAULT_PATH = "../target/function.jar";

    private FunctionJar() {
    }

    /** The jar path from the context (or the default), checked to exist. */
    public static Path path(Construct scope, int lesson) {
        Object fromContext = scope.getNode().tryGetContext(CONTEXT_KEY);
        String given = fromContext == null ? DEFAULT_PATH : fromContext.toString();
        Path jar = Paths.get(given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new InfraException("The function jar " + given + " does not exist yet: build it with `make synth LESSON="
                    + lesson + "` (or `./mvnw package` in the lesson's function module) and try again.");
        }
        return jar;
    }

    /** Lambda code from the jar; every function of a lesson uses the same jar with its own handler class. */
    public static Code code(Construct scope, int lesson) {
        return Code.fromAsset(path(scope, lesson).toString());
    }
}
