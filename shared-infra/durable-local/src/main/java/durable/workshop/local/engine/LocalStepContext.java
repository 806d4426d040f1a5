package durable.workshop.local.engine;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.Logger;
import software.amazon.lambda.durable.DurableConfig;
import software.amazon.lambda.durable.StepContext;
import software.amazon.lambda.durable.logging.DurableLogger;

/** What a step's code sees: its attempt number and the execution's context. */
public final class LocalStepContext implements StepContext {
    private final LocalDurableContext parent;
    private final String stepId;
    private final String stepName;
    private final int attempt;

    LocalStepContext(LocalDurableContext parent, String stepId, String stepName, int attempt) {
        this.parent = parent;
        this.stepId = stepId;
        this.stepName = stepName;
        this.attempt = attempt;
    }

    @Override
    public int getAttempt() {
        return attempt;
    }

    @Override
    public DurableLogger getLogger() {
        return parent.getLogger();
    }

    @Override
    public DurableLogger getLogger(Logger logger) {
        return new DurableLogger(logger);
    }

    @Override
    public Context getLambdaContext() {
        return parent.getLambdaContext();
    }

    @Override
    public String getExecutionArn() {
        return parent.getExecutionArn();
    }

    @Override
    public DurableConfig getDurableConfig() {
        return parent.getDurableConfig();
    }

    @Override
    public String getContextId() {
        return stepId;
    }

    @Override
    public String getContextName() {
        return stepName;
    }
}
