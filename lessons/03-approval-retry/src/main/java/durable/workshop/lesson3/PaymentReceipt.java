package durable.workshop.lesson3;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the gateway answers for a charge it made (or had already made for this idempotency key). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentReceipt(String paymentId, String status) {
}
