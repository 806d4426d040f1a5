package durable.workshop.lesson2;

import static durable.workshop.testkit.ExecutionExpectations.butActually;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeStartedDetails;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.testing.TestOperation;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * What the orchestrator sent to its workers: the chained invokes of an execution, read from its history.
 * Failure messages are in the learner's language, like those of {@code ExecutionExpectations}.
 */
final class ChainedInvokes {

    private ChainedInvokes() {
    }

    /** What the orchestrator asked for when it started the chained invoke with this name: target and payload. */
    static ChainedInvokeStartedDetails invokeStarted(TestResult<?> result, String name) {
        TestOperation operation = result.getOperation(name);
        if (operation == null) {
            fail(butActually(say("expected an operation named " + name, name + " という名前の操作があるはずです"),
                    result));
        }
        if (operation.getType() != OperationType.CHAINED_INVOKE) {
            fail(say(name + " should be a chained invoke (context.invoke), but it is a " + operation.getType(),
                    name + " はチェーン呼び出し（context.invoke）のはずですが、実際は " + operation.getType() + " です"));
        }
        for (Event event : result.getEventsForOperation(name)) {
            if (event.chainedInvokeStartedDetails() != null) {
                return event.chainedInvokeStartedDetails();
            }
        }
        return fail(say("the history of " + name + " has no CHAINED_INVOKE_STARTED event: ",
                name + " の履歴に CHAINED_INVOKE_STARTED イベントがありません: ") + result.getEventsForOperation(name));
    }

    /** The JSON payload the orchestrator sent with the chained invoke of this name. */
    static JsonNode payload(TestResult<?> result, String name) {
        String payload = invokeStarted(result, name).input().payload();
        try {
            return WorkerJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            return fail(say("the payload of " + name + " is not JSON: ", name + " のペイロードが JSON ではありません: ")
                    + payload);
        }
    }
}
