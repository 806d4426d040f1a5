package durable.workshop.local.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Operation ids as the official SDK writes them: lower-case SHA-256 hex of the raw sequence id. */
public final class OperationIds {
    private OperationIds() {
    }

    public static String hash(String rawId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
