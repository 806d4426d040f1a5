package durable.workshop.lesson2;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Ids the workers derive from the order id. The same order always gets the same id, so a retried request finds
 * or repeats the same work instead of creating a second authorization, reservation or shipment.
 */
final class Ids {

    private Ids() {
    }

    /** Upper-case hex, {@code length} characters. */
    static String hex(String kind, String orderId, int length) {
        return HexFormat.of().formatHex(digest(kind, orderId)).substring(0, length).toUpperCase(Locale.ROOT);
    }

    /** Decimal digits, {@code length} of them. */
    static String digits(String kind, String orderId, int length) {
        BigInteger number = new BigInteger(1, digest(kind, orderId)).mod(BigInteger.TEN.pow(length));
        return String.format("%0" + length + "d", number);
    }

    private static byte[] digest(String kind, String orderId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + orderId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
