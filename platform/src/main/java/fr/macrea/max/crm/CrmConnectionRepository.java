package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantScope;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.CRM_CONNECTION;
import static fr.macrea.max.db.platform.Tables.CRM_WEBHOOK;

/**
 * The current tenant's EspoCRM connection row and webhook registrations, through {@link TenantScope}. Secrets come
 * in and go out encrypted: {@link EspoConnections} holds the cipher.
 */
@Repository
class CrmConnectionRepository {

    /** A connection as stored: the API key and the HMAC secret still encrypted. */
    record Stored(String baseUrl, EspoSettings.AuthMode authMode, EspoSettings.HmacDigest hmacDigest, String apiKeyEnc,
                  String secretKeyEnc, boolean customPrefix) {
    }

    /** A webhook registration as stored: its secret still encrypted. */
    record StoredWebhook(String espoWebhookId, String event, String secretEnc) {
    }

    private final TenantScope scope;

    CrmConnectionRepository(TenantScope scope) {
        this.scope = scope;
    }

    Optional<String> hookKey() {
        return scope.selectFrom(CRM_CONNECTION).fetchOptional(CRM_CONNECTION.HOOK_KEY);
    }

    /** When the connection was last saved. */
    Optional<LocalDateTime> savedAt() {
        return scope.selectFrom(CRM_CONNECTION).fetchOptional(CRM_CONNECTION.UPDATED_AT);
    }

    Optional<Stored> find() {
        return scope.selectFrom(CRM_CONNECTION).fetchOptional().map(r -> new Stored(r.getBaseUrl(),
                EspoSettings.AuthMode.valueOf(r.getAuthMode()), EspoSettings.HmacDigest.valueOf(r.getHmacDigest()),
                r.getApiKeyEnc(), r.getSecretKeyEnc(), Boolean.TRUE.equals(r.getCustomPrefix())));
    }

    /** Replaces the tenant's connection; false when it has none yet. */
    boolean update(Stored connection, LocalDateTime now) {
        return scope.update(CRM_CONNECTION).set(CRM_CONNECTION.BASE_URL, connection.baseUrl())
                .set(CRM_CONNECTION.AUTH_MODE, connection.authMode().name())
                .set(CRM_CONNECTION.HMAC_DIGEST, connection.hmacDigest().name())
                .set(CRM_CONNECTION.API_KEY_ENC, connection.apiKeyEnc())
                .set(CRM_CONNECTION.SECRET_KEY_ENC, connection.secretKeyEnc())
                .set(CRM_CONNECTION.CUSTOM_PREFIX, connection.customPrefix())
                .set(CRM_CONNECTION.UPDATED_AT, now)
                .all().execute() == 1;
    }

    void insert(Stored connection, String hookKey, LocalDateTime now) {
        scope.insertInto(CRM_CONNECTION).set(CRM_CONNECTION.BASE_URL, connection.baseUrl())
                .set(CRM_CONNECTION.AUTH_MODE, connection.authMode().name())
                .set(CRM_CONNECTION.HMAC_DIGEST, connection.hmacDigest().name())
                .set(CRM_CONNECTION.API_KEY_ENC, connection.apiKeyEnc())
                .set(CRM_CONNECTION.SECRET_KEY_ENC, connection.secretKeyEnc())
                .set(CRM_CONNECTION.CUSTOM_PREFIX, connection.customPrefix())
                .set(CRM_CONNECTION.HOOK_KEY, hookKey)
                .set(CRM_CONNECTION.UPDATED_AT, now).execute();
    }

    /** Registers a webhook, replacing a former registration of the same EspoCRM webhook id. */
    void saveWebhook(String espoWebhookId, String event, String secretEnc) {
        scope.deleteFrom(CRM_WEBHOOK).and(CRM_WEBHOOK.ESPO_WEBHOOK_ID.eq(espoWebhookId)).execute();
        scope.insertInto(CRM_WEBHOOK).set(CRM_WEBHOOK.ESPO_WEBHOOK_ID, espoWebhookId).set(CRM_WEBHOOK.EVENT, event)
                .set(CRM_WEBHOOK.SECRET_ENC, secretEnc).execute();
    }

    Optional<StoredWebhook> webhook(String espoWebhookId) {
        return scope.selectFrom(CRM_WEBHOOK).and(CRM_WEBHOOK.ESPO_WEBHOOK_ID.eq(espoWebhookId)).fetchOptional()
                .map(r -> new StoredWebhook(r.getEspoWebhookId(), r.getEvent(), r.getSecretEnc()));
    }

    List<String> webhookEvents() {
        return scope.selectFrom(CRM_WEBHOOK).fetch(CRM_WEBHOOK.EVENT);
    }
}
