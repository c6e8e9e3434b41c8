package fr.macrea.max.outbound;

import fr.macrea.max.settings.SettingsSlot;
import fr.macrea.max.settings.SmtpSettings;
import fr.macrea.max.settings.TenantSettingsService;
import org.springframework.stereotype.Component;

/**
 * Picks a send's adapter: SMTP when the tenant configured a server (chosen when the send is created and kept by
 * it, so a send does not switch halfway), the outbox otherwise.
 */
@Component
class MessagingPorts {

    private final OutboxAdapter outbox;
    private final TenantSettingsService settings;
    private final OutboundProperties properties;
    private final SendRateLimiter limiter;

    MessagingPorts(OutboxAdapter outbox, TenantSettingsService settings, OutboundProperties properties,
                   SendRateLimiter limiter) {
        this.outbox = outbox;
        this.settings = settings;
        this.properties = properties;
        this.limiter = limiter;
    }

    /** The adapter a new send of the current tenant uses. */
    String current() {
        return settings.smtp().configured() ? SmtpAdapter.NAME : OutboxAdapter.NAME;
    }

    MessagingPort forSend(SendRow send) {
        if (!SmtpAdapter.NAME.equals(send.adapter())) {
            return outbox;
        }
        SmtpSettings smtp = settings.smtp();
        if (!smtp.configured()) {
            // the server was removed since the send was created: nothing can leave, the batch waits for a resume
            throw new DeliveryInterruptedException("SMTP server removed from the tenant settings", null);
        }
        return new SmtpAdapter(smtp, settings.secret(SettingsSlot.SMTP).orElse(null), properties, limiter);
    }
}
