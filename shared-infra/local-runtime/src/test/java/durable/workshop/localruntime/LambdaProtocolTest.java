package durable.workshop.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CallbackTimeoutException;
import software.amazon.awssdk.services.lambda.model.DurableExecutionAlreadyStartedException;
import software.amazon.awssdk.services.lambda.model.Event;
import software.amazon.awssdk.services.lambda.model.ExecutionStatus;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;

/** The real AWS SDK LambdaClient against the local endpoint, for every operation the course uses. */
class LambdaProtocolTest extends FixtureRuntime {
    private static InvokeResponse startAsync(String name, String payload) {
        return lambda.invoke(b -> b.functionName(Fixtures.APPROVAL + ":live").invocationType(InvocationType.EVENT)
                .durableExecutionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void aCallbackCompletesTheExecutionAndTheHistoryIsTheServices() throws Exception {
        InvokeResponse started = startAsync("approve-1", "{\"name\":\"Ada\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        String arn = started.durableExecutionArn();
        assertThat(arn).startsWith("arn:aws:lambda:us-east-1:123456789012:function:fixture-approval:live/durable-execution/approve-1/");

        String callbackId = Fixtures.awaitCallbackId(lambda, arn);
        lambda.sendDurableExecutionCallbackHeartbeat(b -> b.callbackId(callbackId));
        lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId).result(SdkBytes.fromUtf8String("\"yes\"")));
        var done = Fixtures.awaitExecution(lambda, arn, r -> r.status() != ExecutionStatus.RUNNING);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo("{\"greeting\":\"hello Ada\",\"answer\":\"yes\"}");
        assertThat(done.durableExecutionName()).isEqualTo("approve-1");
        assertThat(done.inputPayload()).isEqualTo("{\"name\":\"Ada\"}");

        List<Event> events = lambda.getDurableExecutionHistory(b -> b.durableExecutionArn(arn)).events();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).eventId()).as("EventId sequence").isEqualTo(i + 1);
        }
        assertThat(events).extracting(Event::eventTypeAsString).startsWith("ExecutionStarted", "StepStarted", "StepSucceeded")
                .endsWith("WaitSucceeded", "InvocationCompleted", "ExecutionSucceeded")
                .contains("CallbackStarted", "CallbackSucceeded", "WaitStarted");
        // waitForCallback as service-history-spec 7.1 shows it: a WaitForCallback context around the callback
        // and the submitter step, ending when the callback has succeeded
        assertThat(events).extracting(Event::eventTypeAsString).containsSequence("ContextStarted", "CallbackStarted",
                "StepStarted", "StepSucceeded", "InvocationCompleted", "CallbackSucceeded", "ContextSucceeded");
        assertThat(events).filteredOn(e -> e.eventTypeAsString().startsWith("Context"))
                .extracting(Event::subType, Event::name).containsOnly(
                        org.assertj.core.groups.Tuple.tuple("WaitForCallback", "approval"));
        // one InvocationCompleted per invocation: started, resumed by the callback, resumed by the wait
        assertThat(events).filteredOn(e -> e.eventTypeAsString().equals("InvocationCompleted")).hasSize(3);
        Event waitStarted = events.stream().filter(e -> e.waitStartedDetails() != null).findFirst().orElseThrow();
        assertThat(waitStarted.waitStartedDetails().duration()).isEqualTo(60);
        assertThat(waitStarted.subType()).isEqualTo("Wait");
        assertThat(waitStarted.name()).isEqualTo("cool-down");
        Event callbackDone = events.stream().filter(e -> e.callbackSucceededDetails() != null).findFirst().orElseThrow();
        assertThat(callbackDone.callbackSucceededDetails().result().payload()).isEqualTo("\"yes\"");

        // the same callback again: the service says it is closed
        assertThatThrownBy(() -> lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId)
                .result(SdkBytes.fromUtf8String("\"again\"")))).isInstanceOf(CallbackTimeoutException.class);

        var listed = lambda.listDurableExecutionsByFunction(b -> b.functionName(Fixtures.APPROVAL).qualifier("live")
                .durableExecutionName("approve-1")).durableExecutions();
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.durableExecutionArn()).isEqualTo(arn);
            assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        });
    }

    @Test
    void aCallbackSentWhileItsSubmitterRunsIsApplied() {
        // The submitter waits for the approver, which sends the callback through its own LambdaClient.
        InvokeResponse r = lambda.invoke(b -> b.functionName("fixture-auto-approval:live")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.functionError()).isNull();
        assertThat(r.payload().asUtf8String()).isEqualTo("\"auto-approved\"");
    }

    @Test
    void aCallbackSentAsItsInvocationEndsIsNeverLost() throws Exception {
        // The approver runs asynchronously: its callback lands before, during or just after the end of the
        // invocation that created it, and must resume the execution in every case.
        List<String> arns = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "auto-async-" + i;
            arns.add(lambda.invoke(b -> b.functionName("fixture-auto-approval:live").invocationType(InvocationType.EVENT)
                    .durableExecutionName(name).payload(SdkBytes.fromUtf8String("{\"async\":true}"))).durableExecutionArn());
        }
        for (String arn : arns) {
            var done = Fixtures.awaitExecution(lambda, arn, r -> r.status() != ExecutionStatus.RUNNING);
            assertThat(done.status()).as(arn).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.result()).isEqualTo("\"auto-approved\"");
        }
    }

    @Test
    void startingTwiceWithOneNameIsIdempotentOnlyForTheSameInput() {
        String first = startAsync("same-name", "{\"name\":\"Bo\"}").durableExecutionArn();
        assertThat(startAsync("same-name", "{\"name\":\"Bo\"}").durableExecutionArn()).isEqualTo(first);
        assertThatThrownBy(() -> startAsync("same-name", "{\"name\":\"Cy\"}"))
                .isInstanceOf(DurableExecutionAlreadyStartedException.class)
                .hasMessageContaining("same-name");
    }

    @Test
    void aFailedCallbackAndAStopEndTheExecutionAsTheServiceReportsThem() throws Exception {
        String arn = startAsync("refuse-1", "{\"name\":\"Di\"}").durableExecutionArn();
        String callbackId = Fixtures.awaitCallbackId(lambda, arn);
        lambda.sendDurableExecutionCallbackFailure(b -> b.callbackId(callbackId)
                .error(e -> e.errorType("Rejected").errorMessage("no budget")));
        var failed = Fixtures.awaitExecution(lambda, arn, r -> r.status() != ExecutionStatus.RUNNING);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error().errorType()).isEqualTo("Rejected");
        assertThat(failed.error().errorMessage()).isEqualTo("no budget");

        String waiting = startAsync("stop-1", "{\"name\":\"Ed\"}").durableExecutionArn();
        Fixtures.awaitCallbackId(lambda, waiting);
        assertThat(lambda.stopDurableExecution(b -> b.durableExecutionArn(waiting)
                .error(e -> e.errorType("Cancelled").errorMessage("by the test"))).stopTimestamp()).isNotNull();
        List<String> oldestFirst = lambda.listDurableExecutionsByFunction(b -> b.functionName(Fixtures.APPROVAL)
                .qualifier("live")).durableExecutions().stream().map(d -> d.durableExecutionName()).toList();
        assertThat(oldestFirst.indexOf("refuse-1")).isLessThan(oldestFirst.indexOf("stop-1")).isNotNegative();
        List<String> newestFirst = lambda.listDurableExecutionsByFunction(b -> b.functionName(Fixtures.APPROVAL)
                .qualifier("live").reverseOrder(true)).durableExecutions().stream().map(d -> d.durableExecutionName()).toList();
        assertThat(newestFirst.indexOf("stop-1")).isLessThan(newestFirst.indexOf("refuse-1")).isNotNegative();
        assertThat(lambda.listDurableExecutionsByFunction(b -> b.functionName(Fixtures.APPROVAL).qualifier("live")
                .statuses(ExecutionStatus.FAILED)).durableExecutions())
                .extracting(d -> d.durableExecutionName()).contains("refuse-1").doesNotContain("stop-1");
        var stopped = lambda.getDurableExecution(b -> b.durableExecutionArn(waiting));
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.STOPPED);
        assertThat(lambda.getDurableExecutionHistory(b -> b.durableExecutionArn(waiting)).events())
                .last().extracting(Event::eventTypeAsString).isEqualTo("ExecutionStopped");
    }

    @Test
    void aSynchronousInvokeReturnsTheResultOrTheFunctionError() {
        InvokeResponse failed = lambda.invoke(b -> b.functionName(Fixtures.APPROVAL).qualifier("live")
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Fay\",\"fail\":true}")));
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payload().asUtf8String()).contains("java.lang.IllegalStateException").contains("asked to fail");
        assertThat(failed.durableExecutionArn()).contains("/durable-execution/");

        InvokeResponse echo = lambda.invoke(b -> b.functionName("fixture-echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")));
        assertThat(echo.functionError()).isNull();
        assertThat(echo.payload().asUtf8String()).contains("\"echo\":{\"a\":1}").contains("\"table\":\"fixture-items\"");

        InvokeResponse boom = lambda.invoke(b -> b.functionName("fixture-echo").payload(SdkBytes.fromUtf8String("{\"boom\":\"x\"}")));
        assertThat(boom.functionError()).isEqualTo("Unhandled");
        assertThat(boom.payload().asUtf8String()).contains("\"errorType\":\"java.lang.IllegalArgumentException\"");
    }

    @Test
    void badRequestsGetTheServicesErrors() {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("no-such-function")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no-such-function");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(Fixtures.APPROVAL + ":nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(Fixtures.APPROVAL)
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("qualified ARN");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(Fixtures.APPROVAL + ":live")
                .payload(SdkBytes.fromUtf8String("{not json"))))
                .isInstanceOf(InvalidRequestContentException.class);
        assertThatThrownBy(() -> lambda.getDurableExecution(b -> b.durableExecutionArn(
                "arn:aws:lambda:us-east-1:123456789012:function:fixture-approval:live/durable-execution/x/y")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId("unknown-id")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.listDurableExecutionsByFunction(b -> b.functionName("nobody")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theHttpApiTurnsRequestsIntoPayload2Events() throws Exception {
        URI url = runtime.httpApiEndpoint().resolve("/items/42");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"version\":\"2.0\",\"routeKey\":\"POST /items/{id}\",\"method\":\"POST\","
                + "\"id\":\"42\",\"body\":{\"n\":1}}");
        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                runtime.httpApiEndpoint().resolve("/nowhere")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void theStacksTablesAndSampleItemsAreInDynalite() {
        try (var dynamo = runtime.dynamo()) {
            var item = dynamo.getItem(b -> b.tableName("fixture-items").key(java.util.Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("seed")))).item();
            assertThat(item.get("value").n()).isEqualTo("7");
        }
    }

    @Test
    void anIamFunctionUrlWantsASignatureAndItsAddressIsInTheEnvironment() throws Exception {
        URI url = runtime.functionUrlEndpoints().get("ApiUrl");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(System.getenv("FIXTURE_API_URL")).isEqualTo(url.toString());
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/items/7"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        HttpResponse<String> signed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/items/7"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261201/us-east-1/lambda/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(201);
        assertThat(signed.body()).contains("\"routeKey\":\"$default\"").contains("\"body\":{\"n\":2}");
    }

    @Test
    void theEndpointListensOnLoopbackOnly() throws Exception {
        assertThat(runtime.endpoint().getHost()).isEqualTo("127.0.0.1");
        // On any other address of this machine the port is closed.
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress() || !(address instanceof java.net.Inet4Address)) {
                    continue;
                }
                List<java.net.URI> listening = new java.util.ArrayList<>(List.of(runtime.endpoint(), runtime.httpApiEndpoint()));
                listening.addAll(runtime.functionUrlEndpoints().values());
                for (java.net.URI uri : listening) {
                    assertThatThrownBy(() -> new java.net.Socket(address, uri.getPort()).close())
                            .as(address + ":" + uri.getPort()).isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }
}
