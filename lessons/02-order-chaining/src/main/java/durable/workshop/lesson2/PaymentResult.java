package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The payment worker's answer. A decline is an answer, not an error: the worker ran fine and said no, so the
 * orchestrator decides what a decline means for the order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentResult(String status, String authorizationId, BigDecimal amount, String reason) {

    public static final String AUTHORIZED = "AUTHORIZED";
    public static final String DECLINED = "DECLINED";
    public static final String RELEASED = "RELEASED";

    @JsonIgnore
    public boolean authorized() {
        return AUTHORIZED.equals(status);
    }
}
