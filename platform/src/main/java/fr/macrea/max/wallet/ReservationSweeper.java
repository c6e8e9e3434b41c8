package fr.macrea.max.wallet;

import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Refunds reservations abandoned by a crash or a killed action once they expire. It runs on one node at a time (a
 * db-scheduler job), and would still be safe on several nodes at once: each refund first moves the reservation HELD -> EXPIRED with a conditional update, so only one sweeper wins.
 */
@Component
@ConditionalOnProperty(name = "max.wallet.sweeper.enabled", havingValue = "true", matchIfMissing = true)
class ReservationSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final TenantService tenants;
    private final TenantContext context;
    private final WalletService wallet;

    ReservationSweeper(TenantService tenants, TenantContext context, WalletService wallet) {
        this.tenants = tenants;
        this.context = context;
        this.wallet = wallet;
    }

    /** The cluster-wide job of {@link WalletConfiguration}. */
    void sweep() {
        for (Tenant tenant : tenants.allForSystemJobs()) {
            try {
                int refunded = context.callAs(tenant, wallet::sweepExpired);
                if (refunded > 0) {
                    log.info("refunded {} expired reservation(s) of tenant {}", refunded, tenant.slug());
                }
            } catch (RuntimeException e) {
                log.warn("sweeping the reservations of {} failed: {}", tenant.slug(), e.getMessage());
            }
        }
    }
}
