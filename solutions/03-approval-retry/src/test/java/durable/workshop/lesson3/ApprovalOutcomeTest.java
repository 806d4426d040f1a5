package durable.workshop.lesson3;

import static durable.workshop.testkit.ExecutionExpectations.assertPending;
import static durable.workshop.testkit.ExecutionExpectations.assertSucceeded;
import static durable.workshop.testkit.LearnerLanguage.say;
import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.testkit.DynaliteTest;
import durable.workshop.testkit.DynamoTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.lambda.durable.testing.LocalDurableTestRunner;
import software.amazon.lambda.durable.testing.TestResult;

/**
 * Exercise 3.2: every way the approval wait can end becomes an Approval: approved, rejected, a failed callback,
 * or a timeout. None of them may fail the execution: the workflow decides what happens next.
 */
@Tag("exercise:3.2")
@DynaliteTest(tables = {
        @DynamoTable(name = Fixtures.ORDERS, partitionKey = "orderId"),
        @DynamoTable(name = Fixtures.PRODUCTS, partitionKey = "productId")})
class ApprovalOutcomeTest {

    private final DynamoDbClient dynamoDb;
    private final OrderWorkflow workflow;
    private LocalDurableTestRunner<Order, Approval> runner;
    private String callbackId;

    ApprovalOutcomeTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.workflow = Fixtures.workflow(dynamoDb);
    }

    @BeforeEach
    void startWaiting() {
        Fixtures.loadProducts(dynamoDb);
        PricedOrder order = Fixtures.reserved123(dynamoDb);
        runner = LocalDurableTestRunner.create(Order.class, (input, context) -> workflow.approval(order, context));
        assertPending(runner.runUntilComplete(Fixtures.order123()), say("approval() should wait for the approver first",
                "approval() はまず承認者を待つはずです"));
        callbackId = runner.getCallbackId("approval-callback");
    }

    private Approval outcome(String expectation) {
        TestResult<Approval> result = runner.runUntilComplete(Fixtures.order123());
        assertSucceeded(result, expectation);
        return result.getResult(Approval.class);
    }

    @Test
    void anApprovalContinuesWithTheApproversName() {
        runner.completeCallback(callbackId, Fixtures.approve("alice"));

        Approval approval = outcome(say("an approval should end approval() with an Approval",
                "承認されたら approval() は Approval を返すはずです"));
        assertThat(approval.approved()).isTrue();
        assertThat(approval.approver()).isEqualTo("alice");
    }

    @Test
    void aRejectionSaysWhoRejectedAndWhy() {
        runner.completeCallback(callbackId, Fixtures.reject("bob", "budget exceeded"));

        Approval approval = outcome(say("a rejection is an answer, not an error: approval() should return it",
                "却下はエラーではなく応答です。approval() はそれを返すはずです"));
        assertThat(approval.approved()).isFalse();
        assertThat(approval.approver()).isEqualTo("bob");
        assertThat(approval.reason()).as(say("the reason names who rejected, and their comment",
                "理由には却下した人とそのコメントが入るはずです")).contains("rejected").contains("bob")
                .contains("budget exceeded");
    }

    @Test
    void aFailedCallbackCancelsInsteadOfFailingTheExecution() {
        runner.failCallback(callbackId, ErrorObject.builder().errorType("ApprovalToolError")
                .errorMessage("approval tool crashed").build());

        Approval approval = outcome(say("catch CallbackFailedException: a failed callback should end approval() with a refusal",
                "CallbackFailedException を捕まえるはずです。失敗したコールバックでも approval() は承認なしの結果を返します"));
        assertThat(approval.approved()).isFalse();
        assertThat(approval.reason()).as(say("the reason says the callback failed", "理由はコールバックが失敗したことを伝えるはずです"))
                .contains("failed");
    }

    @Test
    void nobodyAnsweringInTimeCancelsWithTheTimeout() {
        runner.timeoutCallback(callbackId);

        Approval approval = outcome(say("catch CallbackTimeoutException: a timeout should end approval() with a refusal",
                "CallbackTimeoutException を捕まえるはずです。タイムアウトでも approval() は承認なしの結果を返します"));
        assertThat(approval.approved()).isFalse();
        assertThat(approval.approver()).isNull();
        assertThat(approval.reason()).as(say("the reason says that nobody answered within the configured timeout",
                "理由は、設定した時間内に誰も応答しなかったことを伝えるはずです"))
                .contains("no approver answered within").contains("45 minutes");
    }
}
