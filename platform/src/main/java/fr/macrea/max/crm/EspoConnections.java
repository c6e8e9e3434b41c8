package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantScope;
import fr.macrea.max.shared.TenantId;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.CRM_CONNECTION;
import static fr.macrea.max.db.platform.Tables.CRM_WEBHOOK;

/**
 * Tenants' EspoCRM connections (secrets encrypted at rest) and the HTTP clients built from them. Everything is
 * scoped to the current tenant through {@link TenantScope}, except {@link #tenantOfHook}, the one lookup a signed
 * webhook needs before any tenant is known.
 */
@Component
class EspoConnections {

    record Webhook(String espoWebhookId, String event, String secret) {
    }

    private final TenantScope scope;
    private final DSLContext dsl;
    private final SecretCipher cipher;
    private final Clock clock;
    private final HttpClient http;
    private final Retry retry;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    EspoConnections(TenantScope scope, DSLContext dsl, SecretCipher cipher, Clock clock,
                    @Value("${max.crm.espo.max-attempts:3}") int maxAttempts,
                    @Value("${max.crm.espo.initial-backoff:PT0.3S}") Duration backoff,
                    @Value("${max.crm.espo.connect-timeout:PT5S}") Duration connectTimeout,
                    @Value("${max.crm.espo.timeout:PT20S}") Duration timeout) {
        this.scope = scope;
        this.dsl = dsl;
        this.cipher = cipher;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.retry = Retry.of("espocrm", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
                .retryExceptions(EspoCrmClient.Transient.class)
                .build());
        this.timeout = timeout;
    }

    /** Saves the current tenant's connection; returns the hook key that names its webhook URL. */
    String save(EspoSettings settings) {
        Optional<String> existingKey = scope.selectFrom(CRM_CONNECTION).fetchOptional(CRM_CONNECTION.HOOK_KEY);
        String hookKey = existingKey.orElseGet(() -> HexFormat.of().formatHex(bytes(16)));
        String apiKey = cipher.encrypt(settings.apiKey());
        String secret = settings.secretKey() == null || settings.secretKey().isBlank() ? null : cipher.encrypt(settings.secretKey());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (existingKey.isPresent()) {
            dsl.update(CRM_CONNECTION).set(CRM_CONNECTION.BASE_URL, settings.baseUrl())
                    .set(CRM_CONNECTION.AUTH_MODE, settings.authMode().name())
                    .set(CRM_CONNECTION.HMAC_DIGEST, settings.hmacDigest().name())
                    .set(CRM_CONNECTION.API_KEY_ENC, apiKey).set(CRM_CONNECTION.SECRET_KEY_ENC, secret)
                    .set(CRM_CONNECTION.CUSTOM_PREFIX, settings.customPrefix()).set(CRM_CONNECTION.UPDATED_AT, now)
                    .where(scope.owned(CRM_CONNECTION)).execute();
        } else {
            scope.insertInto(CRM_CONNECTION).set(CRM_CONNECTION.BASE_URL, settings.baseUrl())
                    .set(CRM_CONNECTION.AUTH_MODE, settings.authMode().name())
                    .set(CRM_CONNECTION.HMAC_DIGEST, settings.hmacDigest().name())
                    .set(CRM_CONNECTION.API_KEY_ENC, apiKey).set(CRM_CONNECTION.SECRET_KEY_ENC, secret)
                    .set(CRM_CONNECTION.CUSTOM_PREFIX, settings.customPrefix()).set(CRM_CONNECTION.HOOK_KEY, hookKey)
                    .set(CRM_CONNECTION.UPDATED_AT, now).execute();
        }
        return hookKey;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    Optional<EspoSettings> settings() {
        return scope.selectFrom(CRM_CONNECTION).fetchOptional().map(r -> new EspoSettings(r.getBaseUrl(),
                EspoSettings.AuthMode.valueOf(r.getAuthMode()), EspoSettings.HmacDigest.valueOf(r.getHmacDigest()),
                cipher.decrypt(r.getApiKeyEnc()), r.getSecretKeyEnc() == null ? null : cipher.decrypt(r.getSecretKeyEnc()),
                Boolean.TRUE.equals(r.getCustomPrefix())));
    }

    Optional<String> hookKey() {
        return scope.selectFrom(CRM_CONNECTION).fetchOptional(CRM_CONNECTION.HOOK_KEY);
    }

    EspoSettings require() {
        return settings().orElseThrow(() -> new CrmException(
                "Ce compte est en mode EspoCRM mais aucune connexion EspoCRM n'est configurée."));
    }

    EspoCrmClient client() {
        return client(require());
    }

    EspoCrmClient client(EspoSettings settings) {
        return new EspoCrmClient(settings, http, retry, timeout);
    }

    void saveWebhook(String espoWebhookId, String event, String secret) {
        CrmIds.require(espoWebhookId);
        scope.deleteFrom(CRM_WEBHOOK).and(CRM_WEBHOOK.ESPO_WEBHOOK_ID.eq(espoWebhookId)).execute();
        scope.insertInto(CRM_WEBHOOK).set(CRM_WEBHOOK.ESPO_WEBHOOK_ID, espoWebhookId).set(CRM_WEBHOOK.EVENT, event)
                .set(CRM_WEBHOOK.SECRET_ENC, cipher.encrypt(secret)).execute();
    }

    Optional<Webhook> webhook(String espoWebhookId) {
        return scope.selectFrom(CRM_WEBHOOK).and(CRM_WEBHOOK.ESPO_WEBHOOK_ID.eq(espoWebhookId)).fetchOptional()
                .map(r -> new Webhook(r.getEspoWebhookId(), r.getEvent(), cipher.decrypt(r.getSecretEnc())));
    }

    List<String> webhookEvents() {
        return scope.selectFrom(CRM_WEBHOOK).fetch(CRM_WEBHOOK.EVENT);
    }

    /** The tenant that registered this webhook URL key, if any (no tenant is known yet when a webhook arrives). */
    Optional<TenantId> tenantOfHook(String hookKey) {
        if (hookKey == null || !hookKey.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        Record r = dsl.select(CRM_CONNECTION.TENANT_ID).from(CRM_CONNECTION).where(CRM_CONNECTION.HOOK_KEY.eq(hookKey)).fetchOne();
        return Optional.ofNullable(r).map(x -> new TenantId(x.get(CRM_CONNECTION.TENANT_ID)));
    }
}
