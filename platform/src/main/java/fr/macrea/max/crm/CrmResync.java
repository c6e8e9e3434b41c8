package fr.macrea.max.crm;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantRef;
import fr.macrea.max.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full copies of a tenant's EspoCRM started from tenant settings (after connecting, or "Resynchroniser"): they run on
 * a virtual thread of this node, so the admin's screen is not held for as long as a big CRM takes, and one at a time
 * per tenant. Progress and failures are in the sync status ({@link CrmSync} saves them entity by entity).
 */
@Component
class CrmResync {

    private static final Logger log = LoggerFactory.getLogger(CrmResync.class);

    private final CrmSync sync;
    private final TenantContext context;
    private final Set<TenantId> running = ConcurrentHashMap.newKeySet();

    CrmResync(CrmSync sync, TenantContext context) {
        this.sync = sync;
        this.context = context;
    }

    /** Starts a backfill of the tenant; false when one is already running for it. */
    boolean start(TenantRef tenant) {
        if (!running.add(tenant.id())) {
            return false;
        }
        Thread.ofVirtual().name("crm-backfill-" + tenant.slug()).start(() -> {
            try {
                context.runAs(tenant, sync::backfill);
            } catch (RuntimeException e) {
                // already in the sync status of the entity that failed, which the settings screen shows
                log.warn("Backfill of tenant {} stopped: {}", tenant.slug(), e.getMessage());
            } finally {
                running.remove(tenant.id());
            }
        });
        return true;
    }

    boolean running(TenantId tenant) {
        return running.contains(tenant);
    }
}
