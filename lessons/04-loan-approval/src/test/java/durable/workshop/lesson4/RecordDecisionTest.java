package durable.workshop.lesson4;

import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.ExecutionExpectations.history;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.OperationStatus;
import software.amazon.awssdk.services.lambda.model.OperationType;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 4.6: the final decision is written to the progress table inside the record-decision step, so a replay
 * does not write it (or its log line) again.
 */
@Tag("exercise:4.6")
@DynaliteTest(tables = @DynamoTable(name = TestConfig.TABLE, partitionKey = "applicationId"))
class RecordDecisionTest {

    private final ProgressTable progress;
    private final LoanWorkflow workflow;

    RecordDecisionTest(DynamoDbClient dynamoDb) {
        progress = new ProgressTable(dynamoDb, TestConfig.TABLE);
        workflow = new LoanWorkflow(TestConfig.CONFIG, progress, new FlakyBureaus(), new RecordingFraudChecks());
    }

    /** finish, then a wait: the handler runs again after the decision, as it would after any later operation. */
    private TestResult<LoanDecision> finishThenReplay(LoanDecision decision) {
        return LocalDurableTestRunner.create(LoanApplication.class, (LoanApplication application, DurableContext context) -> {
            LoanDecision finished = workflow.finish(decision, context);
            context.wait("after-the-decision", Duration.ofSeconds(1));
            return finished;
        }).runUntilComplete(Profiles.CHARLIE);
    }

    @Test
    void theDecisionIsWrittenOnceFromInsideTheStep() {
        LoanDecision approved = LoanDecision.approved(Profiles.validated(Profiles.CHARLIE), 700, "within the limit");

        TestResult<LoanDecision> result = finishThenReplay(approved);

        assertSucceeded(result, say("finish should record the decision and return it", "finish は判断を記録して返すはずです"));
        assertThat(result.getResult(LoanDecision.class)).isEqualTo(approved);
        assertThat(result.getOperation("record-decision")).as(say("a step named record-decision; history ",
                "record-decision という名前のステップがあるはずです。履歴: ") + history(result)).isNotNull();
        assertThat(result.getOperation("record-decision").getType()).isEqualTo(OperationType.STEP);
        assertThat(result.getOperation("record-decision").getStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        ProgressTable.Progress record = progress.find("charlie-001").orElseThrow();
        assertThat(record.status()).isEqualTo(ProgressTable.APPROVED);
        assertThat(record.decision()).isEqualTo(LoanDecision.APPROVED);
        assertThat(record.reason()).isEqualTo("within the limit");
        assertThat(record.writes()).as(say("the table is written once, from inside record-decision (replays skip it)",
                "テーブルへの書き込みは record-decision の中で 1 回だけのはずです（リプレイでは行いません）"))
                .isEqualTo(1);
        assertThat(record.log()).as(say("the log line appears once", "ログ行は 1 回だけ現れるはずです"))
                .containsExactly("Decision: APPROVED (within the limit)");
    }

    @Test
    void aDenialIsRecordedWithItsReason() {
        LoanDecision denied = LoanDecision.denied(Profiles.validated(Profiles.BOB), 580, "credit score too low");

        assertSucceeded(finishThenReplay(denied), say("finish should record the denial", "finish は却下を記録するはずです"));

        ProgressTable.Progress record = progress.find("bob-001").orElseThrow();
        assertThat(record.status()).isEqualTo(ProgressTable.DENIED);
        assertThat(record.reason()).isEqualTo("credit score too low");
        assertThat(record.stepsDone()).contains("done");
    }
}
