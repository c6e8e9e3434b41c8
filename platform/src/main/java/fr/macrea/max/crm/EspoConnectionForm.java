package fr.macrea.max.crm;

/**
 * What a tenant admin types in tenant settings to connect an EspoCRM. A blank {@code apiKey} or {@code secretKey}
 * keeps the one already saved (secrets are never shown back, so the form cannot send them again); without a saved
 * connection they are required ({@link EspoSettings} says so).
 */
public record EspoConnectionForm(String baseUrl, EspoSettings.AuthMode authMode, EspoSettings.HmacDigest hmacDigest,
                                 String apiKey, String secretKey, boolean customPrefix) {

    @Override
    public String toString() {
        return "EspoConnectionForm[" + baseUrl + ", " + authMode + ", secrets masked]";
    }
}
