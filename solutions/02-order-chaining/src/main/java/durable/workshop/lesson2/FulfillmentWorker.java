package durable.workshop.lesson2;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A plain Lambda function standing in for a shipping service: it books a shipment for the reserved items and
 * returns the tracking number. Ids come from the order id, so a repeated request books nothing new.
 */
public class FulfillmentWorker implements RequestHandler<FulfillmentRequest, FulfillmentResult> {

    public static final String CARRIER = "Example Parcel";

    @Override
    public FulfillmentResult handleRequest(FulfillmentRequest request, Context context) {
        if (request == null) {
            throw new IllegalArgumentException("request: missing - give orderId, shippingAddress and allocations");
        }
        requireText(request.orderId(), "orderId");
        Order.Address address = request.shippingAddress();
        if (address == null) {
            throw new IllegalArgumentException("shippingAddress: missing");
        }
        requireText(address.line1(), "shippingAddress.line1");
        requireText(address.city(), "shippingAddress.city");
        requireText(address.postalCode(), "shippingAddress.postalCode");
        requireText(address.country(), "shippingAddress.country");
        if (request.allocations() == null || request.allocations().isEmpty()) {
            throw new IllegalArgumentException("allocations: nothing to ship - allocate inventory first");
        }
        FulfillmentResult result = new FulfillmentResult(
                "SHP-" + Ids.hex("shipment", request.orderId(), 10),
                CARRIER,
                "EP" + Ids.digits("tracking", request.orderId(), 12));
        if (context != null) {
            context.getLogger().log("shipment " + result.shipmentId() + " for " + request.orderId());
        }
        return result;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": missing");
        }
    }
}
