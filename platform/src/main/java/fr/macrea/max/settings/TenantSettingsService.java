package fr.macrea.max.settings;

import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.SecretCipher;
import fr.macrea.max.shared.Message;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's connection slots (n8n, AI model provider, SMTP) and consent rules (SPEC §6.7). Tenant admins
 * read and change them; secrets are encrypted ({@link SecretCipher}) and never returned to a screen, which only
 * learns whether one is saved and since when. Every save is checked first and writes nothing when refused.
 */
@Service
public class TenantSettingsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final TenantSettingsRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;

    TenantSettingsService(TenantSettingsRepository repository, SecretCipher cipher, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public N8nSettings n8n() {
        return repository.find(SettingsSlot.N8N).map(s -> new N8nSettings(string(s, "baseUrl"), state(s)))
                .orElse(N8nSettings.NONE);
    }

    /** Saves the n8n instance; a blank address with no key left removes it. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional
    public N8nSettings saveN8n(String baseUrl, SecretChange apiKey) {
        String url = SettingsInput.url("n8n.baseUrl", baseUrl, false);
        SecretChange key = SettingsInput.secret("n8n.apiKey", apiKey);
        if (url == null && !willHaveSecret(SettingsSlot.N8N, key)) {
            repository.delete(SettingsSlot.N8N);
            return N8nSettings.NONE;
        }
        if (url == null) {
            throw new SettingsValidationException("n8n.baseUrl", Message.of("settings.required"));
        }
        if (!willHaveSecret(SettingsSlot.N8N, key)) {
            throw new SettingsValidationException("n8n.apiKey", Message.of("settings.n8n.api-key.required"));
        }
        save(SettingsSlot.N8N, Map.of("baseUrl", url), "n8n.apiKey", key);
        return n8n();
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ModelSettings model() {
        return repository.find(SettingsSlot.MODEL)
                .map(s -> new ModelSettings(string(s, "baseUrl"), string(s, "model"), state(s)))
                .orElse(ModelSettings.NONE);
    }

    /** Saves the OpenAI-compatible endpoint; the key is optional (a local Ollama has none). Blank address: removed. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional
    public ModelSettings saveModel(String baseUrl, String model, SecretChange apiKey) {
        String url = SettingsInput.url("model.baseUrl", baseUrl, false);
        String name = SettingsInput.text("model.name", model, SettingsInput.NAME_MAX, false);
        SecretChange key = SettingsInput.secret("model.apiKey", apiKey);
        if (url == null && name == null && !willHaveSecret(SettingsSlot.MODEL, key)) {
            repository.delete(SettingsSlot.MODEL);
            return ModelSettings.NONE;
        }
        if (url == null) {
            throw new SettingsValidationException("model.baseUrl", Message.of("settings.required"));
        }
        if (name == null) {
            throw new SettingsValidationException("model.name", Message.of("settings.required"));
        }
        save(SettingsSlot.MODEL, Map.of("baseUrl", url, "model", name), "model.apiKey", key);
        return model();
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public SmtpSettings smtp() {
        return repository.find(SettingsSlot.SMTP).map(s -> new SmtpSettings(string(s, "host"),
                        values(s).get("port") instanceof Number n ? n.intValue() : null, string(s, "username"),
                        string(s, "sender"), SmtpSettings.Security.valueOf(string(s, "security")), state(s)))
                .orElse(SmtpSettings.NONE);
    }

    /** Saves the SMTP server; user name and password are optional. A blank host with nothing else removes it. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional
    public SmtpSettings saveSmtp(String host, Integer port, String username, String sender,
                                 SmtpSettings.Security security, SecretChange password) {
        SecretChange secret = SettingsInput.secret("smtp.password", password);
        String user = SettingsInput.text("smtp.username", username, SettingsInput.USER_MAX, false);
        boolean blankHost = host == null || host.isBlank();
        if (blankHost && user == null && (sender == null || sender.isBlank()) && !willHaveSecret(SettingsSlot.SMTP, secret)) {
            repository.delete(SettingsSlot.SMTP);
            return SmtpSettings.NONE;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("host", SettingsInput.host("smtp.host", host));
        values.put("port", SettingsInput.port("smtp.port", port));
        values.put("sender", SettingsInput.email("smtp.sender", sender));
        values.put("security", (security == null ? SmtpSettings.Security.STARTTLS : security).name());
        if (user != null) {
            values.put("username", user);
        }
        save(SettingsSlot.SMTP, values, "smtp.password", secret);
        return smtp();
    }

    /** The consent rules; the defaults until an admin changes them. Read by every marketing send (any member). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ConsentSettings consent() {
        return repository.find(SettingsSlot.CONSENT).map(s -> {
            Map<String, Object> v = values(s);
            EnumSet<ConsentSettings.Channel> channels = EnumSet.noneOf(ConsentSettings.Channel.class);
            if (v.get("optInChannels") instanceof List<?> list) {
                list.forEach(c -> channels.add(ConsentSettings.Channel.valueOf(c.toString())));
            }
            return new ConsentSettings(channels, Boolean.TRUE.equals(v.get("unsubscribeLinkRequired")),
                    ((Number) v.get("proofRetentionMonths")).intValue());
        }).orElse(ConsentSettings.DEFAULTS);
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional
    public ConsentSettings saveConsent(ConsentSettings consent) {
        int months = consent.proofRetentionMonths();
        if (months < ConsentSettings.RETENTION_MIN_MONTHS || months > ConsentSettings.RETENTION_MAX_MONTHS) {
            throw new SettingsValidationException("consent.retention", Message.of("settings.consent.retention.invalid",
                    ConsentSettings.RETENTION_MIN_MONTHS, ConsentSettings.RETENTION_MAX_MONTHS));
        }
        save(SettingsSlot.CONSENT, Map.of("optInChannels", consent.optInChannels().stream().map(Enum::name).sorted().toList(),
                "unsubscribeLinkRequired", consent.unsubscribeLinkRequired(), "proofRetentionMonths", months), null,
                SecretChange.clear());
        return consent();
    }

    /**
     * The clear secret of a slot, for the connectors that use it (n8n client, model provider, mailer) acting for the
     * current tenant. Never for a screen.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Optional<String> secret(SettingsSlot slot) {
        return repository.find(slot).map(TenantSettingsRepository.Stored::secretEnc).map(cipher::decrypt);
    }

    private boolean willHaveSecret(SettingsSlot slot, SecretChange change) {
        return switch (change.kind()) {
            case REPLACE -> true;
            case CLEAR -> false;
            case KEEP -> repository.find(slot).map(s -> s.secretEnc() != null).orElse(false);
        };
    }

    private void save(SettingsSlot slot, Map<String, Object> values, String secretField, SecretChange change) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        Optional<TenantSettingsRepository.Stored> existing = repository.find(slot);
        String secret = existing.map(TenantSettingsRepository.Stored::secretEnc).orElse(null);
        LocalDateTime secretAt = existing.map(TenantSettingsRepository.Stored::secretSetAt).orElse(null);
        if (change.kind() == SecretChange.Kind.REPLACE) {
            secret = encrypt(secretField, change.value());
            secretAt = now;
        } else if (change.kind() == SecretChange.Kind.CLEAR) {
            secret = null;
            secretAt = null;
        }
        repository.save(slot, new TenantSettingsRepository.Stored(JSON.writeValueAsString(values), secret, secretAt), now);
    }

    private String encrypt(String field, String clear) {
        try {
            return cipher.encrypt(clear);
        } catch (CrmException e) {
            // no max.secrets.key: say so on the field rather than in the CRM's words
            throw new SettingsValidationException(field, Message.of("settings.secret.no-key"));
        }
    }

    private static Map<String, Object> values(TenantSettingsRepository.Stored stored) {
        return JSON.readValue(stored.valuesJson(), MAP);
    }

    private static String string(TenantSettingsRepository.Stored stored, String name) {
        Object value = values(stored).get(name);
        return value == null ? null : value.toString();
    }

    private static SecretState state(TenantSettingsRepository.Stored stored) {
        return stored.secretEnc() == null ? SecretState.NONE
                : new SecretState(stored.secretSetAt() == null ? null : stored.secretSetAt().toInstant(ZoneOffset.UTC));
    }
}
