package durable.workshop.lesson4;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The loan API behind an HTTP API: {@code POST /apply} starts the workflow, {@code GET /status/{id}} reads the
 * progress table, {@code POST /approve} sends the manager's decision as the callback result. Every answer is
 * JSON; every error is {@code {"error": {"code", "message", "field"}}}.
 */
public class LoanApi implements RequestHandler<HttpRequest, HttpResponse> {

    public static final String WORKFLOW_FUNCTION = "WORKFLOW_FUNCTION";
    private static final Logger LOG = LoggerFactory.getLogger(LoanApi.class);

    private final LambdaClient lambda;
    private final ProgressTable progress;
    private final String workflowArn;
    private final Metrics metrics;

    public LoanApi() {
        this(AwsClients.lambda(), AwsClients.dynamoDb(), System.getenv(), MetricsFactory.getMetricsInstance());
    }

    public LoanApi(LambdaClient lambda, DynamoDbClient dynamoDb, Map<String, String> env, Metrics metrics) {
        this.lambda = lambda;
        this.progress = new ProgressTable(dynamoDb, LoanConfig.required(env, LoanConfig.PROGRESS_TABLE,
                "the name of the progress table"));
        this.workflowArn = LoanConfig.required(env, WORKFLOW_FUNCTION, "the loan workflow's alias ARN");
        if (!Aliases.isQualified(workflowArn)) {
            throw new IllegalStateException(WORKFLOW_FUNCTION + " is '" + workflowArn + "'; durable functions are"
                    + " invoked by a qualified ARN: set it to the workflow's alias ARN (ending in :live)");
        }
        this.metrics = metrics;
        // The CDK app sets POWERTOOLS_METRICS_NAMESPACE; metrics need a namespace before the first flush.
        metrics.setNamespace(env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "LoanApproval"));
    }

    /**
     * Every log line of the request is one JSON object (src/main/resources/log4j2.xml) carrying the function, the
     * request id and cold start; the lines add their own keys (applicationId, route), never a SIN beyond its last
     * four digits.
     */
    @Override
    public HttpResponse handleRequest(HttpRequest request, Context context) {
        return PowertoolsLogging.withLogging(context, () -> route(request));
    }

    private HttpResponse route(HttpRequest request) {
        try {
            String route = request == null || request.routeKey() == null ? "" : request.routeKey();
            return switch (route) {
                case "POST /apply" -> apply(request);
                case "GET /status/{id}" -> status(request.pathParameter("id"));
                case "POST /approve" -> approve(request);
                default -> HttpResponse.error(404, "NOT_FOUND", "no route " + route
                        + "; use POST /apply, GET /status/{id} or POST /approve", null);
            };
        } catch (BadRequest e) {
            return HttpResponse.error(400, "BAD_REQUEST", e.getMessage(), e.field);
        } catch (RuntimeException e) {
            // Details go to the log, never to the caller.
            LOG.error("request failed", entry("route", request == null ? null : request.routeKey()), e);
            return HttpResponse.error(500, "INTERNAL", "the request could not be processed; try again", null);
        }
    }

    private HttpResponse apply(HttpRequest request) {
        JsonNode body = body(request);
        LoanApplication application = new LoanApplication(text(body, "applicationId"), text(body, "applicantName"),
                text(body, "sin"), amount(body));
        ValidationReport report = ApplicationValidator.check(application);
        if (!report.valid()) {
            String first = report.problems().get(0);
            throw new BadRequest(first.substring(0, first.indexOf(':')), String.join(" | ", report.problems()));
        }
        String id = application.applicationId();
        Optional<ProgressTable.Progress> existing = progress.find(id);
        if (existing.isPresent()) {
            // The same application again: report the one that runs, never start a second execution.
            return HttpResponse.json(200, accepted(id, existing.get().status()));
        }
        Instant received = Instant.now();
        // Asynchronous start by qualified ARN; the execution name makes a repeated start return the same execution.
        try {
            lambda.invoke(b -> b.functionName(workflowArn)
                    .invocationType(InvocationType.EVENT)
                    .durableExecutionName(id)
                    .payload(SdkBytes.fromUtf8String(WorkerJson.write(application))));
        } catch (LambdaException e) {
            if (e.statusCode() == 409) {
                // DurableExecutionAlreadyStartedException: this id already runs with another application.
                return HttpResponse.error(409, "ALREADY_SUBMITTED", "application " + id
                        + " was already submitted with other details; use a new applicationId", "applicationId");
            }
            throw e;
        }
        progress.submitted(id, received, "Application submitted for " + report.application().amount().toPlainString());
        count("ApplicationsSubmitted");
        LOG.info("application submitted", entry("applicationId", id), entry("sin", report.application().maskedSin()),
                entry("amount", application.amount()));
        return HttpResponse.json(202, accepted(id, ProgressTable.SUBMITTED));
    }

    /** One CloudWatch metric, written to the log in embedded metric format (no API call, no extra latency). */
    private void count(String metric) {
        metrics.addMetric(metric, 1, MetricUnit.COUNT);
        metrics.flush();
    }

    private static Map<String, Object> accepted(String id, String status) {
        return Map.of("applicationId", id, "status", status, "statusPath", "/status/" + id);
    }

    private HttpResponse status(String id) {
        if (id == null || !ApplicationValidator.APPLICATION_ID.matcher(id).matches()) {
            throw new BadRequest("id", "id: '" + id + "' is not an application id (1-64 letters, digits, '-' or '_')");
        }
        Optional<ProgressTable.Progress> found = progress.find(id);
        if (found.isEmpty()) {
            return HttpResponse.error(404, "NOT_FOUND", "no application " + id, "id");
        }
        ProgressTable.Progress p = found.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("applicationId", id);
        view.put("status", p.status());
        view.put("currentStep", p.currentStep());
        view.put("stepsDone", p.stepsDone());
        view.put("log", p.log());
        // Whether a manager must act, never the callback id itself: only the API sends callbacks.
        view.put("awaitingApproval", p.pendingCallbackId() != null);
        if (p.decision() != null) {
            view.put("decision", p.decision());
            view.put("reason", p.reason());
        }
        return HttpResponse.json(200, view);
    }

    private HttpResponse approve(HttpRequest request) {
        JsonNode body = body(request);
        String id = text(body, "applicationId");
        if (id == null || !ApplicationValidator.APPLICATION_ID.matcher(id).matches()) {
            throw new BadRequest("applicationId", "applicationId: missing or not an application id");
        }
        JsonNode approved = body.get("approved");
        if (approved == null || !approved.isBoolean()) {
            throw new BadRequest("approved", "approved: must be true or false");
        }
        String comment = text(body, "comment");
        if (comment != null && comment.length() > 500) {
            throw new BadRequest("comment", "comment: longer than 500 characters");
        }
        Optional<ProgressTable.Progress> found = progress.find(id);
        if (found.isEmpty()) {
            return HttpResponse.error(404, "NOT_FOUND", "no application " + id, "applicationId");
        }
        String callbackId = found.get().pendingCallbackId();
        if (callbackId == null) {
            return HttpResponse.error(409, "NOT_AWAITING_APPROVAL", "application " + id + " is "
                    + found.get().status() + "; nothing waits for a manager's decision", "applicationId");
        }
        // No caller identity: a route without the IAM authorizer (the local runtime checks none).
        String approver = request.caller() != null ? request.caller() : "anonymous";
        ManagerDecision decision = new ManagerDecision(approved.asBoolean(), approver,
                comment == null ? (approved.asBoolean() ? "approved" : "denied") : comment);
        try {
            lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId)
                    .result(SdkBytes.fromUtf8String(WorkerJson.write(decision))));
        } catch (LambdaException e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                // The callback ended meanwhile (timed out, or another manager answered first).
                return HttpResponse.error(409, "NOT_AWAITING_APPROVAL", "application " + id
                        + " no longer waits for a decision: " + e.awsErrorDetails().errorMessage(), "applicationId");
            }
            throw e;
        }
        progress.approvalSent(id, callbackId, (decision.approved() ? "Approved" : "Denied") + " by " + approver);
        count("ApprovalsProcessed");
        LOG.info("manager decision sent", entry("applicationId", id), entry("approved", decision.approved()),
                entry("approver", approver));
        return HttpResponse.json(200, Map.of("applicationId", id, "approved", decision.approved()));
    }

    private static JsonNode body(HttpRequest request) {
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new BadRequest("body", "body: missing - send a JSON object");
        }
        try {
            JsonNode node = WorkerJson.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new BadRequest("body", "body: must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("body", "body: not valid JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequest(field, field + ": must be a string");
        }
        return value.asText();
    }

    private static BigDecimal amount(JsonNode body) {
        JsonNode value = body.get("amount");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new BadRequest("amount", "amount: must be a number");
        }
        return value.decimalValue();
    }

    /** A 400 that names the field. */
    static final class BadRequest extends RuntimeException {
        final String field;

        BadRequest(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
