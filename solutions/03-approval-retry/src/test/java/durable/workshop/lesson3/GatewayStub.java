package durable.workshop.lesson3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import durable.workshop.testkit.LocalHttpStub;
import java.util.List;

/** The payment gateway as a WireMock stub: answers in the order given, then keeps giving the last one. */
final class GatewayStub implements AutoCloseable {

    static final String PAYMENT_ID = "pay_test_0001";

    private final LocalHttpStub http = LocalHttpStub.start();

    /** Answers with these statuses in turn; a 2xx answers with the receipt of {@link #PAYMENT_ID}. */
    GatewayStub answering(int... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer-" + i;
            var mapping = post(urlEqualTo("/payments")).inScenario("gateway").whenScenarioStateIs(state)
                    .willReturn(response(statuses[i]));
            if (i < statuses.length - 1) {
                mapping = mapping.willSetStateTo("answer-" + (i + 1));
            }
            http.stubFor(mapping);
        }
        return this;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response(int status) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json");
        if (status == 200 || status == 201) {
            return response.withBody("{\"paymentId\":\"" + PAYMENT_ID + "\",\"status\":\"CHARGED\"}");
        }
        if (status == 402) {
            return response.withBody("{\"error\":\"card_declined\",\"message\":\"insufficient funds\"}");
        }
        return response.withBody("{\"error\":\"temporarily_unavailable\",\"message\":\"try again\"}");
    }

    java.net.URI uri() {
        return http.baseUri();
    }

    List<LoggedRequest> requests() {
        return http.server().findAll(postRequestedFor(urlEqualTo("/payments")));
    }

    List<String> keys() {
        return requests().stream().map(r -> r.getHeader(PaymentGateway.IDEMPOTENCY_KEY)).toList();
    }

    /** How many requests the gateway answered with a charge. */
    long charges() {
        return http.server().getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 200 || e.getResponse().getStatus() == 201).count();
    }

    @Override
    public void close() {
        http.close();
    }
}
