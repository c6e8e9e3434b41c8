package fr.macrea.max.crm;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-answer vectors of EspoCRM's webhook signatures ({@code Espo/Core/Webhook/Sender.php}, reference §webhooks):
 * {@code X-Signature = base64(webhookId + ":" + raw HMAC-SHA256(body, secret))} (legacy, what 8.x sends) and
 * {@code Signature = base64(webhookId + ":" + hex HMAC-SHA256(body, secret))} (9.x). The expected values were
 * computed outside our code, in the shell, with:
 * <pre>
 * BODY='[{"id":"6566f2a1b2c3d4e5f","firstName":"Léa","lastName":"Lefèvre","modifiedAt":"2026-11-20 10:00:00"}]'
 * ID=6566f0b7c8d9e0f12; SECRET=d2f5c1e0a9b84c7f9e3a6b5d4c2f1e0a
 * HEX=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')
 * (printf '%s:' "$ID"; printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary) | base64 -w0   # X-Signature
 * printf '%s:%s' "$ID" "$HEX" | base64 -w0                                                              # Signature
 * </pre>
 * (the body in UTF-8, as EspoCRM sends it; Python's hmac module gives the same two values).
 */
class WebhookSignaturesTest {

    private static final byte[] BODY = ("[{\"id\":\"6566f2a1b2c3d4e5f\",\"firstName\":\"Léa\",\"lastName\":\"Lefèvre\","
            + "\"modifiedAt\":\"2026-11-20 10:00:00\"}]").getBytes(StandardCharsets.UTF_8);
    private static final String WEBHOOK_ID = "6566f0b7c8d9e0f12";
    private static final String SECRET = "d2f5c1e0a9b84c7f9e3a6b5d4c2f1e0a";
    private static final String HEX_DIGEST = "b3b93ed2b20c886b2dd438f901bf1934ef6e74dbf288c6fa6d02b2bab4caa9e8";
    private static final String X_SIGNATURE = "NjU2NmYwYjdjOGQ5ZTBmMTI6s7k+0rIMiGst1Dj5Ab8ZNO9udNvyiMb6bQKyurTKqeg=";
    private static final String SIGNATURE = "NjU2NmYwYjdjOGQ5ZTBmMTI6YjNiOTNlZDJiMjBjODg2YjJkZDQzOGY5MDFi"
            + "ZjE5MzRlZjZlNzRkYmYyODhjNmZhNmQwMmIyYmFiNGNhYTllOA==";

    @Test
    void aLegacyXSignatureFromEspoCrmIsAccepted() {
        var parsed = WebhookSignatures.parse(X_SIGNATURE, false).orElseThrow();
        assertThat(parsed.webhookId()).isEqualTo(WEBHOOK_ID);
        assertThat(WebhookSignatures.verify(parsed, BODY, SECRET)).isTrue();
    }

    @Test
    void aNineXSignatureWithTheHexDigestIsAccepted() {
        var parsed = WebhookSignatures.parse(SIGNATURE, true).orElseThrow();
        assertThat(parsed.webhookId()).isEqualTo(WEBHOOK_ID);
        assertThat(new String(parsed.digest(), StandardCharsets.US_ASCII)).isEqualTo(HEX_DIGEST);
        assertThat(WebhookSignatures.verify(parsed, BODY, SECRET)).isTrue();
    }

    @Test
    void theVectorsAreRefusedWithAnotherSecretAnotherBodyOrTheWrongEncoding() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Lefèvre", "Lefevre")
                .getBytes(StandardCharsets.UTF_8);
        for (boolean hex : new boolean[]{false, true}) {
            var parsed = WebhookSignatures.parse(hex ? SIGNATURE : X_SIGNATURE, hex).orElseThrow();
            assertThat(WebhookSignatures.verify(parsed, BODY, SECRET + "x")).isFalse();
            assertThat(WebhookSignatures.verify(parsed, tampered, SECRET)).isFalse();
        }
        // a raw digest read as hex (or the reverse) must not pass: the header decides the encoding
        assertThat(WebhookSignatures.verify(WebhookSignatures.parse(X_SIGNATURE, true).orElseThrow(), BODY, SECRET)).isFalse();
        assertThat(WebhookSignatures.verify(WebhookSignatures.parse(SIGNATURE, false).orElseThrow(), BODY, SECRET)).isFalse();
    }

    @Test
    void whatTheTestFakeSignsMatchesEspoCrmsFormat() {
        // EspoCrmFake signs its deliveries with WebhookSignatures.sign: it must produce EspoCRM's bytes exactly
        assertThat(WebhookSignatures.sign(WEBHOOK_ID, BODY, SECRET, false)).isEqualTo(X_SIGNATURE);
        assertThat(WebhookSignatures.sign(WEBHOOK_ID, BODY, SECRET, true)).isEqualTo(SIGNATURE);
    }
}
