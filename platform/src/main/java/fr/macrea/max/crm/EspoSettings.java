package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/**
 * How M.A.X. connects to a tenant's EspoCRM. {@code secretKey} is needed for HMAC only; {@code hmacDigest}
 * selects the digest encoding (HEX for EspoCRM ≥ 8.4.1, RAW for older ones); {@code customPrefix} says whether
 * custom fields carry EspoCRM's {@code c} prefix ({@code cTags}, EspoCRM ≥ 8.2) or not ({@code tags}).
 */
public record EspoSettings(String baseUrl, AuthMode authMode, HmacDigest hmacDigest, String apiKey, String secretKey,
                           boolean customPrefix) {

    public enum AuthMode { API_KEY, HMAC }

    public enum HmacDigest { HEX, RAW }

    public EspoSettings {
        if (baseUrl == null || !baseUrl.matches("https?://[^\\s]+")) {
            throw new CrmValidationException(Message.of("crm.espo.url.invalid"));
        }
        baseUrl = baseUrl.replaceAll("/+$", "").replaceAll("/api/v1$", "");
        if (authMode == null) {
            authMode = AuthMode.API_KEY;
        }
        if (hmacDigest == null) {
            hmacDigest = HmacDigest.HEX;
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new CrmValidationException(Message.of("crm.espo.api-key.required"));
        }
        if (authMode == AuthMode.HMAC && (secretKey == null || secretKey.isBlank())) {
            throw new CrmValidationException(Message.of("crm.espo.hmac-secret.required"));
        }
    }

    @Override
    public String toString() {
        return "EspoSettings[" + baseUrl + ", " + authMode + ", " + hmacDigest + ", secrets masked]";
    }
}
