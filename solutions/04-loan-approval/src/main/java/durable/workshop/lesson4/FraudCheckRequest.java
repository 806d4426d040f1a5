package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * What the workflow sends the fraud-check function: a reference to the application, the little it needs to
 * decide, and the callback id it answers with.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FraudCheckRequest(String applicationId, String sinLast4, BigDecimal amount, String callbackId) {
}
