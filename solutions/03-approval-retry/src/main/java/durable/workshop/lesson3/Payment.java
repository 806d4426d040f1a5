package durable.workshop.lesson3;

/** The outcome of the charge: the gateway's payment id, or why no money was taken. */
public record Payment(boolean charged, String paymentId, String reason) {

    public static Payment charged(String paymentId) {
        return new Payment(true, paymentId, null);
    }

    public static Payment failed(String reason) {
        return new Payment(false, null, reason);
    }
}
