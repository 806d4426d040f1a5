package durable.workshop.lesson4.infra;

import durable.workshop.cdk.WorkshopApp;
import durable.workshop.cdk.WorkshopConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** CDK app of lesson 4; `cdk synth` / `cdk deploy` run it from the infra folder (see cdk.json). */
public final class Lesson4App {

    private Lesson4App() {
    }

    /** The lesson's stack in {@code app}, named after the resource prefix in config/config.json. */
    public static Stack define(App app) {
        return WorkshopApp.define(app, Lesson4App::stack);
    }

    public static void main(String[] args) {
        WorkshopApp.main(Lesson4App::stack);
    }

    private static Stack stack(App app, WorkshopConfig config) {
        return new LoanApprovalStack(app, config.resourcePrefix(), config);
    }
}
