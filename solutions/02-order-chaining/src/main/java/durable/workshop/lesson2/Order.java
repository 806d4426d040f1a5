package durable.workshop.lesson2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a customer submits. It names products and quantities only: prices come from the catalog, never from here.
 * The payment method is a card token from the payment provider, never a card number, because every payload of a
 * durable execution is kept in its checkpoint log for the whole retention period.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String orderId, String customerId, List<Item> items, Address shippingAddress,
                    Address billingAddress, PaymentMethod paymentMethod) {

    /** One order line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String productId, Integer quantity) {
    }

    /** A postal address. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String line1, String city, String state, String postalCode, String country) {
    }

    /** How the customer pays: "credit" or "debit", the card brand and the provider's token for the card. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentMethod(String type, String cardBrand, String cardToken) {
    }
}
