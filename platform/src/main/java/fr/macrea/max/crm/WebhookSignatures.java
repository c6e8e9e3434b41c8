package fr.macrea.max.crm;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * EspoCRM webhook signatures ({@code Core/Webhook/Sender.php}): {@code X-Signature} =
 * base64(webhookId + ":" + raw HMAC-SHA256(body, secret)) (legacy), {@code Signature} =
 * base64(webhookId + ":" + hex HMAC-SHA256(body, secret)) (9.x).
 */
final class WebhookSignatures {

    /** The webhook id and the digest bytes as sent (raw bytes, or the ASCII of the hex string). */
    record Parsed(String webhookId, byte[] digest, boolean hex) {
    }

    private WebhookSignatures() {
    }

    static Optional<Parsed> parse(String header, boolean hex) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = -1;
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return Optional.empty();
        }
        String id = new String(decoded, 0, colon, StandardCharsets.US_ASCII);
        return Optional.of(new Parsed(id, Arrays.copyOfRange(decoded, colon + 1, decoded.length), hex));
    }

    static boolean verify(Parsed parsed, byte[] body, String secret) {
        byte[] expected = hmac(body, secret);
        byte[] candidate = parsed.hex()
                ? HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII) : expected;
        byte[] given = parsed.hex() ? new String(parsed.digest(), StandardCharsets.US_ASCII).toLowerCase()
                .getBytes(StandardCharsets.US_ASCII) : parsed.digest();
        return MessageDigest.isEqual(candidate, given);
    }

    static String sign(String webhookId, byte[] body, String secret, boolean hex) {
        byte[] digest = hmac(body, secret);
        byte[] tail = hex ? HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII) : digest;
        byte[] prefix = (webhookId + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(prefix, prefix.length + tail.length);
        System.arraycopy(tail, 0, all, prefix.length, tail.length);
        return Base64.getEncoder().encodeToString(all);
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
