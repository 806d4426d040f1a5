package durable.workshop.lesson1;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.WaitForConditionConfig;
import software.amazon.lambda.durable.exception.WaitForConditionFailedException;
import software.amazon.lambda.durable.model.WaitForConditionResult;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.retry.WaitForConditionWaitStrategy;

/**
 * Lesson 1: waits until the DynamoDB item {@code pk = key} has {@code value = "completed"}, reading it every
 * 5 minutes. Between reads the function is not running: each poll is a fresh invocation that replays the
 * handler from the top, and every finished operation returns its checkpointed result instead of running again.
 */
public class PollingHandler extends DurableHandler<PollingInput, PollingResult> {

    /** Operation names are fixed strings: a running execution finds its checkpoints by them. */
    static final String LOAD_CONFIG = "load-config";
    static final String WAIT_UNTIL_COMPLETED = "wait-until-completed";

    static final String TABLE_NAME_VARIABLE = "TABLE_NAME";
    static final String DEFAULT_KEY = "test-item";
    static final String DONE = "completed";

    /** 12 polls 5 minutes apart: the last one at minute 55, inside the 1-hour execution timeout. */
    static final Duration POLL_INTERVAL = Duration.ofMinutes(5);
    static final int MAX_POLLS = 12;

    /** A missing setting is not fixed by trying again, so the config step gets one attempt only. */
    static final StepConfig FAIL_FAST = StepConfig.builder().retryStrategy(RetryStrategies.Presets.NO_RETRY).build();

    /** DynamoDB's limit for a partition key value. */
    static final int MAX_KEY_BYTES = 2048;

    // Used inside the check only: a step runs once per poll, so these lines are not repeated on replay.
    private static final Logger STEP_LOG = LoggerFactory.getLogger(PollingHandler.class);

    private final DynamoDbClient dynamo;
    private final Function<String, String> environment;

    /** The constructor Lambda uses: region and credentials come from the function's environment. */
    public PollingHandler() {
        this(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), System::getenv);
    }

    /** The constructor tests use: a client for a local DynamoDB and a made-up environment. */
    public PollingHandler(DynamoDbClient dynamo, Function<String, String> environment) {
        this.dynamo = dynamo;
        this.environment = environment;
    }

    @Override
    public PollingResult handleRequest(PollingInput input, DurableContext context) {
        // TODO 1.5 — Put the durable handler together (README: "Exercise 1.5"):
        //   1. check the input with validate(input); it only looks at the input, so it needs no step;
        //   2. read the table name with tableName() inside a step named LOAD_CONFIG, configured with FAIL_FAST
        //      (the step stands for configuration that may change while the execution runs, such as a parameter
        //      store; README: "Exercise 1.5");
        //   3. wait with context.waitForCondition(WAIT_UNTIL_COMPLETED, PollState.class, check, config):
        //      the check calls checkCondition(table, state); the config starts from PollState.start(key)
        //      and uses pollingStrategy();
        //   4. return a PollingResult made from the final PollState.
        throw new UnsupportedOperationException(
                "TODO 1.5: put the durable handler together: validate, a config step, then waitForCondition");
    }

    /** Exercise 1.1: one strongly consistent read of the item's {@code value}; empty when there is no item. */
    Optional<String> readValue(String table, String key) {
        // TODO 1.1 — Read the item pk = key from the table with a strongly consistent GetItem through `dynamo`;
        //   return its "value" attribute, or Optional.empty() when there is no such item. An unknown table must
        //   end in an error that names the table (README: "Exercise 1.1")
        throw new UnsupportedOperationException("TODO 1.1: read the item's value with dynamo.getItem");
    }

    /**
     * Exercise 1.2: the condition check. The SDK runs it as a step on every poll, which is why the read
     * happens here and nowhere else.
     */
    WaitForConditionResult<PollState> checkCondition(String table, PollState previous) {
        // TODO 1.2 — Read the item with readValue; fail with an error naming key and table when it is missing;
        //   count the poll in a new PollState; stop polling when the value is DONE, continue otherwise
        //   (README: "Exercise 1.2")
        throw new UnsupportedOperationException(
                "TODO 1.2: read the item in the check and decide: stop on 'completed', continue otherwise");
    }

    /** Exercise 1.3: after a poll that did not see "completed": how long to wait, or give up. */
    static WaitForConditionWaitStrategy<PollState> pollingStrategy() {
        // TODO 1.3 — Return a wait strategy: POLL_INTERVAL after each poll that did not find DONE; once MAX_POLLS
        //   polls are used, throw WaitForConditionFailedException (as the SDK's own WaitStrategies do) with a
        //   message naming the key, the polls made and the last value (README: "Exercise 1.3")
        throw new UnsupportedOperationException("TODO 1.3: wait 5 minutes between polls and give up after 12 polls");
    }

    /** Exercise 1.4: rejects bad input with a message naming the field; an empty input watches the default item. */
    static String validate(PollingInput input) {
        // TODO 1.4 — Return the key to watch: DEFAULT_KEY when input or key is missing; reject a blank key, or one
        //   longer than MAX_KEY_BYTES in UTF-8, with an IllegalArgumentException naming the field
        //   (README: "Exercise 1.4")
        throw new UnsupportedOperationException("TODO 1.4: validate the input's key");
    }

    /** The table to watch, from the environment. Runs inside the {@value #LOAD_CONFIG} step. */
    String tableName() {
        String table = environment.apply(TABLE_NAME_VARIABLE);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("Environment variable " + TABLE_NAME_VARIABLE
                    + " is not set; the function needs the name of the table to watch");
        }
        return table;
    }
}
