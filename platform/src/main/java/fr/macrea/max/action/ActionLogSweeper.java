package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.wallet.WalletProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Action log rows left RUNNING by a crash are marked FAILED once their reservation has expired (the wallet
 * sweeper refunds the tokens), so that a replay of the request gets an answer.
 */
@Component
@ConditionalOnProperty(name = "max.wallet.sweeper.enabled", havingValue = "true", matchIfMissing = true)
class ActionLogSweeper {

    private final TenantService tenants;
    private final TenantContext context;
    private final ActionLogRepository repository;
    private final WalletProperties wallet;
    private final Clock clock;

    ActionLogSweeper(TenantService tenants, TenantContext context, ActionLogRepository repository,
                     WalletProperties wallet, Clock clock) {
        this.tenants = tenants;
        this.context = context;
        this.repository = repository;
        this.wallet = wallet;
        this.clock = clock;
    }

    /** The cluster-wide job of {@link ActionConfiguration}. */
    void sweep() {
        for (Tenant tenant : tenants.allForSystemJobs()) {
            context.runAs(tenant, () -> repository.failStale(clock.instant().minus(wallet.reservationTtl()),
                    Json.writeMessage(Message.of("action.sweeper.interrupted"), ActionPipeline.REASON_LENGTH)));
        }
    }
}
