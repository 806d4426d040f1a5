package software.amazon.lambda.durable;

import software.amazon.lambda.durable.context.BaseContext;

/** The context a step's code receives. Steps cannot start further durable operations. */
public interface StepContext extends BaseContext {
    /** @return the number of this attempt of the step, starting at 1 */
    int getAttempt();

    /**
     * @return the step context attached to this thread, or {@code null} outside durable code
     * @throws IllegalStateException when called outside a step, where a {@link DurableContext} is current
     */
    static StepContext getCurrentContext() {
        BaseContext context = BaseContext.getCurrentContext();
        if (context == null || context instanceof StepContext) {
            return (StepContext) context;
        }
        throw new IllegalStateException(
                "StepContext is only available inside a step; use DurableContext.getCurrentContext() instead");
    }
}
