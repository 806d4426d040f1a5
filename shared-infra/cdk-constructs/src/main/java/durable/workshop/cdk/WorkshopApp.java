package durable.workshop.cdk;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;

/** Runs a lesson's CDK app: config, tags, cdk-nag, synth; a problem the user can fix ends in one sentence. */
public final class WorkshopApp {

    /** Builds a lesson's stack into an app from the lesson's config. */
    @FunctionalInterface
    public interface StackDefinition {
        Stack define(App app, WorkshopConfig config);
    }

    private WorkshopApp() {
    }

    /** CDK context key the Make targets set to {@code solutions} when they deploy a solution. */
    public static final String TRACK_CONTEXT = "track";

    /** Defines the stack in {@code app}: loads {@code config/}, tags everything, applies cdk-nag. */
    public static Stack define(App app, StackDefinition definition) {
        WorkshopConfig config = WorkshopConfig.load(Path.of("config"));
        // Lesson and solution share their config files (they are twins); only the track tells them apart.
        if ("solutions".equals(app.getNode().tryGetContext(TRACK_CONTEXT))) {
            config = config.forSolution();
        }
        Stack stack = definition.define(app, config);
        config.tags().forEach((key, value) -> Tags.of(stack).add(key, value));
        Nag.applyAwsSolutions(app);
        return stack;
    }

    /** For a {@code main} method: synthesizes, or prints what to fix and exits with status 1. */
    public static void main(StackDefinition definition) {
        try {
            App app = new App();
            define(app, definition);
            app.synth();
        } catch (InfraException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
