package durable.workshop.lesson4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import durable.workshop.testkit.LocalHttpStub;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The Lambda API on 127.0.0.1 (WireMock): a real {@code LambdaClient} talks to it, and the test reads the exact
 * requests it sent. By default every call succeeds as Lambda would answer it.
 */
final class LambdaStub implements AutoCloseable {

    final LocalHttpStub http = LocalHttpStub.start();
    final LambdaClient client;

    LambdaStub() {
        // Lambda answers 202 to an asynchronous invoke and 200 to a callback call.
        http.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        http.stubFor(any(urlPathMatching("/2015-03-31/functions/.*/invocations"))
                .willReturn(aResponse().withStatus(202).withBody("")));
        client = LambdaClient.builder()
                .endpointOverride(http.baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The path of Lambda's Invoke for this function (the ARN URL-encoded, as the SDK sends it). */
    static String invokePath(String functionArn) {
        return "/2015-03-31/functions/" + java.net.URLEncoder.encode(functionArn, java.nio.charset.StandardCharsets.UTF_8)
                + "/invocations";
    }

    /** The path of SendDurableExecutionCallback{Success,Failure,Heartbeat}: {@code action} is succeed, fail or heartbeat. */
    static String callbackPath(String callbackId, String action) {
        return "/2025-12-01/durable-execution-callbacks/"
                + java.net.URLEncoder.encode(callbackId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "/" + action;
    }

    /** Every request the client sent, in order. */
    List<LoggedRequest> requests() {
        return http.server().getAllServeEvents().stream().map(e -> e.getRequest())
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    @Override
    public void close() {
        client.close();
        http.close();
    }
}
