package durable.workshop.lesson4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The result of the fraud-check callback: cleared or not, with a risk score from 0 to 100. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FraudVerdict(boolean cleared, int riskScore, String reason) {
}
