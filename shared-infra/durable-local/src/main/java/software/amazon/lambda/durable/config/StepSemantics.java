package software.amazon.lambda.durable.config;

/** How often a step's code may run per retry attempt when an invocation is interrupted mid-step. */
public enum StepSemantics {
    /** The step may run again if its result was not checkpointed (the default). */
    AT_LEAST_ONCE_PER_RETRY,
    /** The step's start is checkpointed first; an interrupted attempt is not re-run but treated as failed. */
    AT_MOST_ONCE_PER_RETRY
}
