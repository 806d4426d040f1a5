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
        ValidatedApplication app = validate(application, context);
        record(context, "record-validated", app, ProgressTable.CHECKING_CREDIT, "validate-application",
                "Application validated: " + app.applicantName() + ", SIN " + app.maskedSin() + ", amount "
                        + app.amount().toPlainString());
        CreditReport credit = checkCredit(app, context);
        record(context, "record-credit", app, ProgressTable.ASSESSING, "credit-checks",
                "Credit checks: " + credit.scores().size() + " of " + CreditBureaus.ALL.size()
                        + " bureaus answered, average score " + credit.averageScore());
        Assessment assessment = LoanRules.decide(app, credit);
        if (assessment.denied()) {
            return finish(LoanDecision.denied(app, assessment.averageScore(), assessment.reason()), context);
        }
        if (assessment.needsManager()) {
            ManagerDecision manager = managerApproval(app, context);
            if (!manager.approved()) {
                return finish(LoanDecision.denied(app, assessment.averageScore(),
                        "manager did not approve: " + manager.comment()), context);
            }
            record(context, "record-approval", app, ProgressTable.FRAUD_CHECK, "manager-approval",
                    "Approved by manager " + manager.approver());
        }
        record(context, "record-fraud-check", app, ProgressTable.FRAUD_CHECK, "decision-rules",
                "Decision rules passed (" + assessment.reason() + "); fraud check started");
        FraudVerdict fraud = fraudCheck(app, context);
        if (!fraud.cleared()) {
            return finish(LoanDecision.denied(app, assessment.averageScore(), "fraud check: " + fraud.reason()),
                    context);
        }
        String reason = assessment.needsManager() ? "approved by a manager (" + assessment.reason() + ")"
                : assessment.reason();
        return finish(LoanDecision.approved(app, assessment.averageScore(), reason), context);
    }

    /** Stage 1: the validate-application step keeps only what the workflow needs (the SIN's last 4 digits). */
    ValidatedApplication validate(LoanApplication application, DurableContext context) {
        // The step returns its findings instead of throwing: a thrown exception would be retried, and a bad
        // application stays bad. After this step no checkpoint holds the full SIN.
        ValidationReport report = context.step("validate-application", ValidationReport.class,
                step -> ApplicationValidator.check(application));
        if (!report.valid()) {
            throw new InvalidApplicationException(application == null ? null : application.applicationId(),
                    report.problems());
        }
        return report.application();
    }

    /** Stage 2: one branch per bureau, all at once; at most one may fail. */
    CreditReport checkCredit(ValidatedApplication app, DurableContext context) {
        ParallelConfig rule = ParallelConfig.builder()
                .completionConfig(CompletionConfig.toleratedFailureCount(CreditBureaus.ALL.size() - REQUIRED_BUREAUS))
                .build();
        ParallelDurableFuture checks = context.parallel("credit-checks", rule);
        List<DurableFuture<CreditScore>> answers = new ArrayList<>();
        for (String bureau : CreditBureaus.ALL) {
            answers.add(checks.branch(bureau, CreditScore.class, branch -> branch.step(bureau + "-score",
                    CreditScore.class, step -> bureaus.score(bureau, app, step.getAttempt()),
                    StepConfig.builder().retryStrategy(BUREAU_RETRY).build())));
        }
        ParallelResult result = checks.get();
        List<CreditScore> scores = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (result.statuses().get(i) == ParallelResult.Status.SUCCEEDED) {
                scores.add(answers.get(i).get());
            } else {
                unavailable.add(CreditBureaus.ALL.get(i));
            }
        }
        if (scores.size() < REQUIRED_BUREAUS) {
            throw new CreditCheckUnavailableException(app.applicationId(), unavailable, REQUIRED_BUREAUS);
        }
        return new CreditReport(scores, unavailable);
    }

    /**
     * Stage 4: a manager decides. The submitter stores the callback id in the progress table, where the API finds
     * it; no answer within the approval timeout counts as a denial.
     */
    ManagerDecision managerApproval(ValidatedApplication app, DurableContext context) {
        try {
            return context.waitForCallback("manager-approval", ManagerDecision.class,
                    (callbackId, step) -> progress.awaitingApproval(app.applicationId(), callbackId,
                            "Waiting for a manager to approve " + app.amount().toPlainString()),
                    WaitForCallbackConfig.builder().callbackConfig(CallbackConfig.builder()
                            .timeout(config.approvalTimeout()).build()).build());
        } catch (CallbackTimeoutException e) {
            return new ManagerDecision(false, null, "no decision within " + config.approvalTimeout().toHours()
                    + " hours (approval timed out)");
        }
    }

    /** Stage 5: the fraud-check function is started with the callback id and answers it itself. */
    FraudVerdict fraudCheck(ValidatedApplication app, DurableContext context) {
        try {
            return context.waitForCallback("fraud-check", FraudVerdict.class,
                    (callbackId, step) -> fraudChecks.start(new FraudCheckRequest(app.applicationId(),
                            app.sinLast4(), app.amount(), callbackId)),
                    WaitForCallbackConfig.builder().callbackConfig(CallbackConfig.builder()
                            .timeout(LoanConfig.FRAUD_CHECK_TIMEOUT)
                            .heartbeatTimeout(LoanConfig.FRAUD_CHECK_HEARTBEAT).build()).build());
        } catch (CallbackTimeoutException | CallbackFailedException e) {
            throw new LoanFailedException("Application " + app.applicationId() + ": the fraud check did not"
                    + " answer (" + e.getMessage() + "). Submit it again later.");
        }
    }

    /** Stage 6: the decision goes to the progress table in the record-decision step, and to the log once. */
    LoanDecision finish(LoanDecision decision, DurableContext context) {
        context.step("record-decision", String.class, step -> {
            progress.decided(decision.applicationId(), decision.status(), decision.reason(),
                    "Decision: " + decision.status() + " (" + decision.reason() + ")");
            return decision.status();
        });
        // The durable logger leaves out lines during a replay, so this appears once however often we replay.
        context.getLogger().info("Application {} {}: {}", decision.applicationId(), decision.status(),
                decision.reason());
        return decision;
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
