package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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

/**
 * Tenants' EspoCRM connections (secrets encrypted at rest) and the HTTP clients built from them. Everything is
 * scoped to the current tenant ({@link CrmConnectionRepository}), except {@link #tenantOfHook}, the one lookup a
 * signed webhook needs before any tenant is known ({@link WebhookTenants}).
 */
@Component
class EspoConnections {

    record Webhook(String espoWebhookId, String event, String secret) {
    }

    private final CrmConnectionRepository repository;
    private final WebhookTenants webhookTenants;
    private final SecretCipher cipher;
    private final Clock clock;
    private final HttpClient http;
    private final Retry retry;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    EspoConnections(CrmConnectionRepository repository, WebhookTenants webhookTenants, SecretCipher cipher, Clock clock,
                    @Value("${max.crm.espo.max-attempts:3}") int maxAttempts,
                    @Value("${max.crm.espo.initial-backoff:PT0.3S}") Duration backoff,
                    @Value("${max.crm.espo.connect-timeout:PT5S}") Duration connectTimeout,
                    @Value("${max.crm.espo.timeout:PT20S}") Duration timeout) {
        this.repository = repository;
        this.webhookTenants = webhookTenants;
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
        Optional<String> existingKey = repository.hookKey();
        String hookKey = existingKey.orElseGet(() -> HexFormat.of().formatHex(bytes(16)));
        String secret = settings.secretKey() == null || settings.secretKey().isBlank() ? null : cipher.encrypt(settings.secretKey());
        var stored = new CrmConnectionRepository.Stored(settings.baseUrl(), settings.authMode(), settings.hmacDigest(),
                cipher.encrypt(settings.apiKey()), secret, settings.customPrefix());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (existingKey.isPresent()) {
            repository.update(stored, now);
        } else {
            repository.insert(stored, hookKey, now);
        }
        return hookKey;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    Optional<EspoSettings> settings() {
        return repository.find().map(r -> new EspoSettings(r.baseUrl(), r.authMode(), r.hmacDigest(),
                cipher.decrypt(r.apiKeyEnc()), r.secretKeyEnc() == null ? null : cipher.decrypt(r.secretKeyEnc()),
                r.customPrefix()));
    }

    Optional<LocalDateTime> savedAt() {
        return repository.savedAt();
    }

    Optional<String> hookKey() {
        return repository.hookKey();
    }

    EspoSettings require() {
        return settings().orElseThrow(() -> new CrmException(Message.of("crm.espo.mode-without-connection")));
    }

    EspoCrmClient client() {
        return client(require());
    }

    EspoCrmClient client(EspoSettings settings) {
        return new EspoCrmClient(settings, http, retry, timeout);
    }

    void saveWebhook(String espoWebhookId, String event, String secret) {
        CrmIds.require(espoWebhookId);
        repository.saveWebhook(espoWebhookId, event, cipher.encrypt(secret));
    }

    Optional<Webhook> webhook(String espoWebhookId) {
        return repository.webhook(espoWebhookId)
                .map(r -> new Webhook(r.espoWebhookId(), r.event(), cipher.decrypt(r.secretEnc())));
    }

    List<String> webhookEvents() {
        return repository.webhookEvents();
    }

    /** The tenant that registered this webhook URL key, if any (no tenant is known yet when a webhook arrives). */
    Optional<TenantId> tenantOfHook(String hookKey) {
        return webhookTenants.tenantOfHook(hookKey);
    }
}
