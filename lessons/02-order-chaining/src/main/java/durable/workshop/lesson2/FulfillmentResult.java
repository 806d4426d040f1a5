package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fulfilment worker's answer: the shipment it created and how the customer can track it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FulfillmentResult(String shipmentId, String carrier, String trackingNumber) {
}
