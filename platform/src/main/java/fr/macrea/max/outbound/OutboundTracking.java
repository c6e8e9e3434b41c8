package fr.macrea.max.outbound;

import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.TenantRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the public links of a message do. A token is random and stored with its recipient; the tenant id in front
 * only says in which tenant to look it up, so a forged or altered token (another tenant's id, a changed digit)
 * finds nothing there, and nothing is logged. Requests come without a principal: the work runs as the token's
 * tenant ({@link TenantContext#callAs}), never as a caller's.
 */
@Service
class OutboundTracking {

    private static final Logger log = LoggerFactory.getLogger(OutboundTracking.class);
    private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})-[0-9a-f]{32}");

    private final OutboundRepository repository;
    private final CrmGateway crm;
    private final TenantContext context;
    private final Clock clock;

    OutboundTracking(OutboundRepository repository, CrmGateway crm, TenantContext context, Clock clock) {
        this.repository = repository;
        this.crm = crm;
        this.context = context;
        this.clock = clock;
    }

    /** The open pixel: logs "Opened" the first time. */
    void opened(String token) {
        inTenantOf(token, r -> {
            if (repository.firstTime(r.id(), "open", clock.instant())) {
                logEvent(r, "Opened", null);
            }
            return true;
        });
    }

    /** The target of link {@code n} of the recipient's message, logging "Clicked" the first time; else empty. */
    Optional<String> clicked(String token, int n) {
        return inTenantOf(token, r -> {
            List<String> links = repository.links(r.sendId());
            if (n < 0 || n >= links.size()) {
                return null;
            }
            String target = MessageRenderer.target(links.get(n));
            if (repository.firstTime(r.id(), "click", clock.instant())) {
                logEvent(r, "Clicked", target.length() <= 100 ? target : target.substring(0, 100));
            }
            return target;
        });
    }

    /** Whether the token is a real recipient's (the confirm page shows the form only then). */
    boolean known(String token) {
        return inTenantOf(token, r -> true).isPresent();
    }

    /** Opts the recipient's e-mail address out in the CRM and logs "Opted Out" (once); false for a bad token. */
    boolean unsubscribe(String token) {
        return inTenantOf(token, r -> {
            if (repository.firstTime(r.id(), "unsubscribe", clock.instant())) {
                crm.update(new EntityRef(r.entityType(), r.entityId()), Map.of("emailAddressIsOptedOut", true));
                logEvent(r, "Opted Out", null);
            }
            return true;
        }).isPresent();
    }

    private <T> Optional<T> inTenantOf(String token, java.util.function.Function<RecipientRow, T> work) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        TenantId tenant = new TenantId(Long.parseLong(m.group(1)));
        try {
            return context.callAs(TenantRef.of(tenant, "tenant-" + tenant.value()),
                    () -> repository.byToken(token).map(work));
        } catch (RuntimeException e) {
            // an unknown tenant id, a CRM down: the link reveals nothing, the caller answers as for a bad token
            log.debug("public link refused: {}", e.toString());
            return Optional.empty();
        }
    }

    private void logEvent(RecipientRow r, String action, String data) {
        repository.send(r.sendId()).map(SendRow::campaignId).ifPresent(campaign -> crm.logCampaignEvent(
                new CampaignLogEntry(null, campaign, action, new EntityRef(r.entityType(), r.entityId()),
                        clock.instant(), data)));
    }
}
