package durable.workshop.lesson2;

import java.math.BigDecimal;

/**
 * What a successful execution returns. An order that cannot go through ends the execution FAILED instead, with
 * one of the {@link OrderFailedException} types as its error.
 */
public record OrderResult(String orderId, String status, BigDecimal total, String currency, String authorizationId,
                          String reservationId, String shipmentId, String trackingNumber) {

    public static final String CONFIRMED = "CONFIRMED";
}
