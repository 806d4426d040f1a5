package durable.workshop.lesson4;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.lambda.durable.DurableContext;
import software.amazon.lambda.durable.DurableFuture;
import software.amazon.lambda.durable.DurableHandler;
import software.amazon.lambda.durable.ParallelDurableFuture;
import software.amazon.lambda.durable.config.CallbackConfig;
import software.amazon.lambda.durable.config.CompletionConfig;
import software.amazon.lambda.durable.config.ParallelConfig;
import software.amazon.lambda.durable.config.StepConfig;
import software.amazon.lambda.durable.config.WaitForCallbackConfig;
import software.amazon.lambda.durable.exception.CallbackFailedException;
import software.amazon.lambda.durable.exception.CallbackTimeoutException;
import software.amazon.lambda.durable.model.ParallelResult;
import software.amazon.lambda.durable.retry.JitterStrategy;
import software.amazon.lambda.durable.retry.RetryStrategies;
import software.amazon.lambda.durable.retry.RetryStrategy;

/**
 * Decides one loan application as a durable execution: validate, three credit checks in parallel, the lending
 * rules, a manager's approval for large amounts, an external fraud check, the final decision. Each stage writes
 * its progress to the progress table from inside a step, so the status API can show it and a replay does not
 * write it again.
 *
 * <p>Operation names are fixed strings: a running execution finds its checkpoints by them.
 */
public class LoanWorkflow extends DurableHandler<LoanApplication, LoanDecision> {

    /** How many of the three bureaus must answer for a decision. */
    public static final int REQUIRED_BUREAUS = 2;
    /** Each bureau call: 3 attempts, 2 s then 4 s apart (with full jitter), for a bureau that fails now and then. */
    static final RetryStrategy BUREAU_RETRY =
            RetryStrategies.exponentialBackoff(3, Duration.ofSeconds(2), Duration.ofSeconds(10), 2.0, JitterStrategy.FULL);

    private final LoanConfig config;
    private final ProgressTable progress;
    private final CreditBureau bureaus;
    private final FraudCheckStarter fraudChecks;

    /** Lambda creates the handler with this constructor: settings from the environment the CDK app sets. */
    public LoanWorkflow() {
        this(LoanConfig.fromEnvironment(System.getenv()), AwsClients.dynamoDb(), AwsClients.lambda());
    }

    private LoanWorkflow(LoanConfig config, DynamoDbClient dynamoDb, LambdaClient lambda) {
        this(config, new ProgressTable(dynamoDb, config.progressTable()), new CreditBureaus(config.bureauOutages()),
                new LambdaFraudCheckStarter(lambda, config.fraudCheckFunction()));
    }

    /** Tests pass their own settings, the local progress table, bureaus and fraud-check starter. */
    public LoanWorkflow(LoanConfig config, ProgressTable progress, CreditBureau bureaus, FraudCheckStarter fraudChecks) {
        this.config = config;
        this.progress = progress;
        this.bureaus = bureaus;
        this.fraudChecks = fraudChecks;
    }

    @Override
    public LoanDecision handleRequest(LoanApplication application, DurableContext context) {
        try {
            return decide(application, context);
        } catch (LoanFailedException e) {
            // The status API shows why; the execution still fails with the error, so the caller sees it too.
            String id = application == null ? null : application.applicationId();
            if (id != null && ApplicationValidator.APPLICATION_ID.matcher(id).matches()) {
                context.step("record-failure", String.class, step -> {
                    progress.decided(id, ProgressTable.FAILED, e.getMessage(), "Failed: " + e.getMessage());
                    return ProgressTable.FAILED;
                });
            }
            throw e;
        }
    }

    // The stages are package-private so that a test can run one of them on its own.

    /** The whole workflow, stage after stage, with a progress record after each one. */
    LoanDecision decide(LoanApplication application, DurableContext context) {
        // TODO 4.7 — Chain the stages: validate, record "record-validated", checkCredit, record "record-credit",
        //  LoanRules.decide; a denial goes straight to finish; a large amount waits for managerApproval (a denial
        //  there goes to finish, an approval is recorded as "record-approval"); then record "record-fraud-check",
        //  fraudCheck, and finish with the decision. The log lines the status API shows: "Application validated:
        //  <name>, SIN <masked>, amount <amount>", "Credit checks: <n> of 3 bureaus answered, average score <score>",
        //  "Approved by manager <approver>". (README: "Exercise 4.7")
        throw new UnsupportedOperationException(
                "TODO 4.7: chain validate, checkCredit, LoanRules.decide, managerApproval, fraudCheck and finish"
                        + " in decide, with a progress record after each stage");
    }

    /** Stage 1: the validate-application step keeps only what the workflow needs (the SIN's last 4 digits). */
    ValidatedApplication validate(LoanApplication application, DurableContext context) {
        // TODO 4.1 — Run ApplicationValidator.check(application) inside a step named "validate-application" that
        //  returns the ValidationReport. After the step, throw InvalidApplicationException when the report is not
        //  valid; else return report.application(), which keeps only the SIN's last 4 digits. (README: "Exercise 4.1")
        throw new UnsupportedOperationException(
                "TODO 4.1: run ApplicationValidator.check inside the validate-application step and reject an invalid"
                        + " application");
    }

    /** Stage 2: one branch per bureau, all at once; at most one may fail. */
    CreditReport checkCredit(ValidatedApplication app, DurableContext context) {
        // TODO 4.2 — Start context.parallel("credit-checks", ...) with
        //  CompletionConfig.toleratedFailureCount(1); add one branch per bureau in CreditBureaus.ALL, each running
        //  the step "<bureau>-score" with StepConfig.builder().retryStrategy(BUREAU_RETRY). Collect the scores of
        //  the branches that SUCCEEDED; with fewer than REQUIRED_BUREAUS throw CreditCheckUnavailableException.
        //  (README: "Exercise 4.2")
        throw new UnsupportedOperationException(
                "TODO 4.2: ask the three credit bureaus in parallel branches of credit-checks and apply the completion"
                        + " rule");
    }

    /**
     * Stage 4: a manager decides. The submitter stores the callback id in the progress table, where the API finds
     * it; no answer within the approval timeout counts as a denial.
     */
    ManagerDecision managerApproval(ValidatedApplication app, DurableContext context) {
        // TODO 4.4 — context.waitForCallback("manager-approval", ManagerDecision.class, submitter, config): the
        //  submitter calls progress.awaitingApproval(app.applicationId(), callbackId, line); the CallbackConfig
        //  timeout is config.approvalTimeout(). Catch CallbackTimeoutException and return a denial whose comment
        //  says the approval timed out. (README: "Exercise 4.4")
        throw new UnsupportedOperationException(
                "TODO 4.4: wait for the manager-approval callback and record its callback id in the progress table");
    }

    /** Stage 5: the fraud-check function is started with the callback id and answers it itself. */
    FraudVerdict fraudCheck(ValidatedApplication app, DurableContext context) {
        // TODO 4.5 — context.waitForCallback("fraud-check", FraudVerdict.class, submitter, config): the submitter
        //  calls fraudChecks.start(new FraudCheckRequest(app.applicationId(), app.sinLast4(), app.amount(),
        //  callbackId)); set the timeout and heartbeat timeout from LoanConfig. Turn CallbackTimeoutException and
        //  CallbackFailedException into a LoanFailedException that says the fraud check did not answer.
        //  (README: "Exercise 4.5")
        throw new UnsupportedOperationException(
                "TODO 4.5: start the fraud check from the submitter of the fraud-check callback and wait for its answer");
    }

    /** Stage 6: the decision goes to the progress table in the record-decision step, and to the log once. */
    LoanDecision finish(LoanDecision decision, DurableContext context) {
        // TODO 4.6 — Inside a step named "record-decision", call progress.decided(decision.applicationId(),
        //  decision.status(), decision.reason(), "Decision: " + status + " (" + reason + ")"). After the step, log
        //  the decision with context.getLogger() and return it. (README: "Exercise 4.6")
        throw new UnsupportedOperationException(
                "TODO 4.6: record the decision in the record-decision step and log it with the durable logger");
    }

    /** A progress record in a step of its own: written once, never again on replay. */
    private void record(DurableContext context, String operation, ValidatedApplication app, String status,
                        String stepDone, String line) {
        context.step(operation, String.class, step -> {
            progress.update(app.applicationId(), status, stepDone, line);
            return status;
        });
    }
}
