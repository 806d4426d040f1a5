package durable.workshop.cdk;

import software.constructs.Construct;

/** A plain (not durable) Lambda function with the same conventions: log group, JSON logs, version, alias. */
public final class WorkerFunction extends WorkshopFunction {

    public WorkerFunction(Construct scope, String id, FunctionSettings settings) {
        super(scope, id, settings, builder -> { });
    }
}
