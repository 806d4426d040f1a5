package durable.workshop.cdk;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;

/**
 * Runs a lesson's CDK app: config of the chosen stage, tags, alarms, cdk-nag, synth; a problem the user can fix
 * ends in one sentence.
 */
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

    /** Tag with the stage's name on every resource of a stack with stages. */
    public static final String STAGE_TAG = "Stage";

    /** Defines the stack in {@code app} from {@code config/} (the infra folder's); see the other overload. */
    public static Stack define(App app, StackDefinition definition) {
        return define(app, Path.of("config"), definition);
    }

    /**
     * Defines the stack in {@code app}: loads the config of the stage named by the context value
     * {@value WorkshopConfig#STAGE_CONTEXT} (default {@value WorkshopConfig#DEFAULT_STAGE}) from {@code configDir},
     * attaches it to the app so every workshop function gets the stage's log level and its alarms, tags
     * everything and applies cdk-nag.
     */
    public static Stack define(App app, Path configDir, StackDefinition definition) {
        Object stageContext = app.getNode().tryGetContext(WorkshopConfig.STAGE_CONTEXT);
        String stage = stageContext == null ? WorkshopConfig.DEFAULT_STAGE : stageContext.toString();
        WorkshopConfig config = WorkshopConfig.load(configDir, stage);
        // Lesson and solution share their config files (they are twins); only the track tells them apart.
        if ("solutions".equals(app.getNode().tryGetContext(TRACK_CONTEXT))) {
            config = config.forSolution();
        }
        config.attachTo(app);
        Stack stack = definition.define(app, config);
        config.checkEverySettingIsUsed();
        config.tags().forEach((key, value) -> Tags.of(stack).add(key, value));
        if (config.hasStages()) {
            Tags.of(stack).add(STAGE_TAG, config.stage());
        }
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
