package durable.workshop.lesson3.infra;

import durable.workshop.cdk.WorkshopApp;
import durable.workshop.cdk.WorkshopConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** CDK app of lesson 3; `cdk synth` / `cdk deploy` run it from the infra folder (see cdk.json). */
public final class Lesson3App {

    private Lesson3App() {
    }

    /** The lesson's stack in {@code app}, named after the resource prefix in config/config.json. */
    public static Stack define(App app) {
        return WorkshopApp.define(app, Lesson3App::stack);
    }

    public static void main(String[] args) {
        WorkshopApp.main(Lesson3App::stack);
    }

    private static Stack stack(App app, WorkshopConfig config) {
        return new ApprovalRetryStack(app, config.resourcePrefix(), config);
    }
}
