package fr.macrea.max.crm;

import fr.macrea.max.http.BodySource;
import fr.macrea.max.http.BodyTooLargeException;
import fr.macrea.max.shared.Message;

import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's link to its EspoCRM: connection settings (tenant admins), webhook registration, replica sync
 * (backfill, incremental pull, status) and the reception of signed webhook batches.
 */
@Service
public class CrmConnectionService {

    private static final Logger log = LoggerFactory.getLogger(CrmConnectionService.class);
    public static final String WEBHOOK_PATH = "/api/hooks/espocrm/";
    static final List<String> WEBHOOK_EVENTS = List.of("Lead.create", "Lead.update", "Lead.delete",
            "Contact.create", "Contact.update", "Contact.delete", "Account.create", "Account.update", "Account.delete");

    private final EspoConnections connections;
    private final CrmSync sync;
    private final TenantService tenants;
    private final TenantContext context;
    private final CrmResync resync;

    CrmConnectionService(EspoConnections connections, CrmSync sync, TenantService tenants, TenantContext context,
                         CrmResync resync) {
        this.connections = connections;
        this.sync = sync;
        this.tenants = tenants;
        this.context = context;
        this.resync = resync;
    }

    /**
     * Checks the credentials against EspoCRM (one list call), saves them encrypted, and switches the tenant admin's
     * own tenant to the EspoCRM mode. Returns the webhook path to register in EspoCRM ({@code /api/hooks/espocrm/<key>}).
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public String connectEspoCrm(EspoSettings settings) {
        connections.client(settings).list("Lead", List.of(), "createdAt", "desc", 0, 1, false);
        String hookKey = connections.save(settings);
        tenants.changeOwnCrmMode(CrmMode.ESPOCRM);
        return WEBHOOK_PATH + hookKey;
    }

    /**
     * Tenant settings' "Connecter": {@link #connectEspoCrm} with the form (a blank secret keeps the saved one), then
     * a full copy of EspoCRM into the replica, in the background ({@link #syncRunning}).
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public String connect(EspoConnectionForm form) {
        String path = connectEspoCrm(settings(form));
        resync.start(tenants.current());
        return path;
    }

    /** "Tester la connexion": one list call with these credentials; nothing is saved. Throws the typed refusal. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ConnectionCheck testConnection(EspoConnectionForm form) {
        EspoSettings settings = settings(form);
        long leads = connections.client(settings).list("Lead", List.of(), "createdAt", "desc", 0, 1, true).total();
        return new ConnectionCheck(settings.baseUrl(), leads);
    }

    /** The saved connection without its secrets, for tenant settings. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Optional<EspoConnectionInfo> connection() {
        Optional<String> hookKey = connections.hookKey();
        return connections.settings().map(s -> new EspoConnectionInfo(s.baseUrl(), s.authMode(), s.hmacDigest(),
                s.customPrefix(), s.secretKey() != null,
                connections.savedAt().map(t -> t.toInstant(java.time.ZoneOffset.UTC)).orElse(null),
                hookKey.map(k -> WEBHOOK_PATH + k).orElse(null)));
    }

    /** "Resynchroniser": copies the whole EspoCRM again, in the background; false when a copy is already running. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public boolean resync() {
        if (tenants.current().crmMode() != CrmMode.ESPOCRM || connections.hookKey().isEmpty()) {
            throw new CrmException(Message.of("crm.espo.not-configured"));
        }
        return resync.start(tenants.current());
    }

    /** Whether a copy started by {@link #connect} or {@link #resync} is still running for the current tenant. */
    public boolean syncRunning() {
        return resync.running(context.current());
    }

    /** The form's settings, a blank secret replaced by the saved one. */
    private EspoSettings settings(EspoConnectionForm form) {
        Optional<EspoSettings> saved = connections.hookKey().isPresent() ? connections.settings() : Optional.empty();
        String apiKey = blank(form.apiKey()) ? saved.map(EspoSettings::apiKey).orElse(null) : form.apiKey().strip();
        String secret = blank(form.secretKey()) ? saved.map(EspoSettings::secretKey).orElse(null) : form.secretKey().strip();
        return new EspoSettings(form.baseUrl(), form.authMode(), form.hmacDigest(), apiKey,
                form.authMode() == EspoSettings.AuthMode.HMAC ? secret : null, form.customPrefix());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Records a webhook created in EspoCRM by hand (its id and secret key, shown by EspoCRM). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void registerWebhook(String espoWebhookId, String event, String secretKey) {
        if (event == null || !event.matches("[A-Z][A-Za-z]+\\.(create|update|delete)")) {
            throw new CrmValidationException(Message.of("crm.webhook.event.invalid", String.valueOf(event)));
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new CrmValidationException(Message.of("crm.webhook.secret.required"));
        }
        connections.saveWebhook(espoWebhookId, event, secretKey);
    }

    /**
     * Creates M.A.X.'s webhooks in EspoCRM ({@code POST /Webhook}, needs Webhook access in the API user's role) for
     * lead, contact and account changes, pointing at {@code publicBaseUrl} + the tenant's hook path.
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public int registerWebhooksInEspoCrm(String publicBaseUrl) {
        String hookKey = connections.hookKey().orElseThrow(() -> new CrmException(Message.of("crm.espo.not-configured")));
        EspoCrmClient client = connections.client();
        List<String> existing = connections.webhookEvents();
        int created = 0;
        for (String event : WEBHOOK_EVENTS) {
            if (existing.contains(event)) {
                continue;
            }
            Map<String, Object> webhook = EspoCrmClient.asMap(client.post("/Webhook",
                    Map.of("event", event, "url", publicBaseUrl.replaceAll("/+$", "") + WEBHOOK_PATH + hookKey)));
            connections.saveWebhook(webhook.get("id").toString(), event, webhook.get("secretKey").toString());
            created++;
        }
        return created;
    }

    public boolean espoCrmConnected() {
        return connections.hookKey().isPresent();
    }

    /** Pulls what changed in EspoCRM since the last pull (the scheduler does it on its own too). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public long syncNow() {
        return sync.pull();
    }

    /** Copies the whole EspoCRM again into the replica (idempotent). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public long backfill() {
        return sync.backfill();
    }

    public List<CrmSyncStatus> syncStatus() {
        return sync.status();
    }

    // ---------------------------------------------------------------- webhooks

    public enum WebhookOutcome { ACCEPTED, UNSIGNED, FORBIDDEN, TOO_LARGE, EMBEDDED, BAD_REQUEST }

    public record WebhookResult(WebhookOutcome outcome, int changed, Message message) {
    }

    /**
     * Verifies and applies one webhook batch. The tenant comes from the hook key registered in its connection; the
     * signature must name a webhook that THIS tenant registered and match its secret. The body is read (bounded)
     * only once the hook key names a tenant and a signature is present, so an anonymous caller costs no memory. A
     * tenant back on the embedded CRM refuses webhooks: its schema is the CRM itself, not a replica to overwrite.
     */
    public WebhookResult receiveWebhook(String hookKey, String legacySignature, String signature, BodySource source) {
        Optional<TenantId> tenantId = connections.tenantOfHook(hookKey);
        Optional<WebhookSignatures.Parsed> legacy = WebhookSignatures.parse(legacySignature, false);
        Optional<WebhookSignatures.Parsed> modern = WebhookSignatures.parse(signature, true);
        if (tenantId.isEmpty() || (legacy.isEmpty() && modern.isEmpty())) {
            return new WebhookResult(WebhookOutcome.UNSIGNED, 0, null);
        }
        Tenant tenant = SystemAuthentication.asPlatform(() -> tenants.find(tenantId.get())).orElse(null);
        if (tenant == null) {
            return new WebhookResult(WebhookOutcome.UNSIGNED, 0, null);
        }
        byte[] body;
        try {
            body = source.read();
        } catch (BodyTooLargeException e) {
            log.warn("Refused an EspoCRM webhook larger than the body limit for tenant {}", tenant.slug());
            return new WebhookResult(WebhookOutcome.TOO_LARGE, 0, e.message());
        } catch (IOException e) {
            return new WebhookResult(WebhookOutcome.BAD_REQUEST, 0, Message.of("crm.webhook.body.unreadable"));
        }
        return context.callAs(tenant, () -> {
            WebhookSignatures.Parsed parsed = modern.orElseGet(legacy::get);
            Optional<EspoConnections.Webhook> webhook = connections.webhook(parsed.webhookId());
            boolean valid = webhook.isPresent() && modern.map(p -> p.webhookId().equals(parsed.webhookId())
                    && WebhookSignatures.verify(p, body, webhook.get().secret())).orElse(true)
                    && legacy.map(p -> p.webhookId().equals(parsed.webhookId())
                    && WebhookSignatures.verify(p, body, webhook.get().secret())).orElse(true);
            if (!valid) {
                log.warn("Refused an EspoCRM webhook with a bad signature for tenant {}", tenant.slug());
                return new WebhookResult(WebhookOutcome.FORBIDDEN, 0, null);
            }
            if (tenant.crmMode() != CrmMode.ESPOCRM) {
                log.warn("Refused an EspoCRM webhook for tenant {}, which is on the embedded CRM", tenant.slug());
                return new WebhookResult(WebhookOutcome.EMBEDDED, 0, null);
            }
            List<Object> batch;
            try {
                Object parsedBody = CrmJson.MAPPER.readValue(body, Object.class);
                batch = parsedBody instanceof List<?> l ? List.copyOf(l) : List.of(parsedBody);
            } catch (RuntimeException e) {
                return new WebhookResult(WebhookOutcome.BAD_REQUEST, 0, Message.of("crm.webhook.body.unreadable"));
            }
            try {
                return new WebhookResult(WebhookOutcome.ACCEPTED, sync.applyWebhook(webhook.get().event(), batch), null);
            } catch (CrmValidationException e) {
                return new WebhookResult(WebhookOutcome.BAD_REQUEST, 0, e.message());
            }
        });
    }
}
