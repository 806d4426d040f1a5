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
        // Plain checks of the input: deterministic, so they may run outside a step on every replay.
        String key = validate(input);
        // The step stands for configuration that may change while an execution runs (a parameter store, feature
        // flags): its result is checkpointed, so every replay sees the value read the first time. An environment
        // variable alone is fixed per published version and would not need a step.
        String table = context.step(LOAD_CONFIG, String.class, step -> tableName(), FAIL_FAST);
        context.getLogger().info("Waiting until item {} in table {} is {}", key, table, DONE);

        PollState last = context.waitForCondition(WAIT_UNTIL_COMPLETED, PollState.class,
                (state, step) -> checkCondition(table, state),
                WaitForConditionConfig.<PollState>builder()
                        .initialState(PollState.start(key))
                        .waitStrategy(pollingStrategy())
                        .build());

        context.getLogger().info("Item {} is {} after {} poll(s)", last.key(), last.value(), last.polls());
        return new PollingResult(last.key(), last.value(), last.polls());
    }

    /** Exercise 1.1: one strongly consistent read of the item's {@code value}; empty when there is no item. */
    Optional<String> readValue(String table, String key) {
        GetItemResponse response;
        try {
            response = dynamo.getItem(request -> request
                    .tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(key)))
                    .consistentRead(true));
        } catch (ResourceNotFoundException e) {
            // DynamoDB's own message does not say which table; ours does, and where the name comes from.
            throw new IllegalStateException("Table '" + table + "' does not exist; check the function's "
                    + TABLE_NAME_VARIABLE + " setting");
        }
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        AttributeValue value = response.item().get("value");
        return Optional.of(value == null || value.s() == null ? "" : value.s());
    }

    /**
     * Exercise 1.2: the condition check. The SDK runs it as a step on every poll, which is why the read
     * happens here and nowhere else.
     */
    WaitForConditionResult<PollState> checkCondition(String table, PollState previous) {
        String key = previous.key();
        // Fail fast: polling an item that is not there would only end when the attempts run out.
        String value = readValue(table, key).orElseThrow(() -> new IllegalStateException("Item '" + key
                + "' was not found in table '" + table + "'; create it (for example with value 'incomplete')"
                + " before starting the execution"));
        PollState now = new PollState(key, value, previous.polls() + 1);
        if (DONE.equals(value)) {
            STEP_LOG.info("Poll {}: item {} is {}, done", now.polls(), key, value);
            return WaitForConditionResult.stopPolling(now);
        }
        STEP_LOG.info("Poll {}: item {} is {}, next check in {} minutes", now.polls(), key, value,
                POLL_INTERVAL.toMinutes());
        return WaitForConditionResult.continuePolling(now);
    }

    /** Exercise 1.3: after a poll that did not see "completed": how long to wait, or give up. */
    static WaitForConditionWaitStrategy<PollState> pollingStrategy() {
        // Counts polls from the checkpointed state, so the limit holds however often the handler replays.
        return (state, attempt) -> {
            if (state.polls() >= MAX_POLLS) {
                // The exception the SDK's own WaitStrategies throw when their attempts run out.
                throw new WaitForConditionFailedException("Gave up waiting for item '" + state.key() + "' after "
                        + state.polls() + " polls " + POLL_INTERVAL.toMinutes() + " minutes apart: its value is '"
                        + state.value() + "', not '" + DONE + "'");
            }
            return POLL_INTERVAL;
        };
    }

    /** Exercise 1.4: rejects bad input with a message naming the field; an empty input watches the default item. */
    static String validate(PollingInput input) {
        if (input == null || input.key() == null) {
            return DEFAULT_KEY;
        }
        String key = input.key();
        if (key.isBlank()) {
            throw new IllegalArgumentException("Field 'key' must not be blank; leave it out to watch '"
                    + DEFAULT_KEY + "'");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("Field 'key' is " + bytes + " bytes long; a DynamoDB partition key"
                    + " holds at most " + MAX_KEY_BYTES + " bytes");
        }
        return key;
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
