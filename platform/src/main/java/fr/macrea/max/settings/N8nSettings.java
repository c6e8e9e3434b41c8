package fr.macrea.max.settings;

/** The tenant's n8n instance (public API v1 with {@code X-N8N-API-KEY}); filled by the automation issue's connector. */
public record N8nSettings(String baseUrl, SecretState apiKey) {

    public static final N8nSettings NONE = new N8nSettings(null, SecretState.NONE);

    public boolean configured() {
        return baseUrl != null;
    }
}
