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

    /** The longest base URL ({@code crm_connection.base_url}) and API key or secret (encrypted into 1 000 characters). */
    public static final int URL_MAX_LENGTH = 500;
    public static final int SECRET_MAX_LENGTH = 500;

    public EspoSettings {
        if (baseUrl != null && baseUrl.strip().length() > URL_MAX_LENGTH) {
            throw new CrmValidationException(Message.of("crm.espo.url.too-long", URL_MAX_LENGTH));
        }
        baseUrl = baseUrl == null ? null : baseUrl.strip();
        if (baseUrl == null || !baseUrl.matches("https?://[^\\s/?#]+[^\\s]*")) {
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
        if (apiKey.length() > SECRET_MAX_LENGTH || secretKey != null && secretKey.length() > SECRET_MAX_LENGTH) {
            throw new CrmValidationException(Message.of("crm.espo.secret.too-long", SECRET_MAX_LENGTH));
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
