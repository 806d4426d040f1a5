package software.amazon.lambda.durable.config;

/** Whether map items and parallel branches get their own child context operations. */
public enum NestingType {
    NESTED,
    FLAT
}
