package fr.macrea.max.wallet;

import fr.macrea.max.db.platform.tables.records.WalletRecord;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/** The 80 % and 100 % allowance notifications of the current tenant, once per period each (claimed in the row). */
@Component
class WalletThresholds {

    private final WalletRepository repository;
    private final TenantContext context;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WalletThresholds(WalletRepository repository, TenantContext context, ApplicationEventPublisher events,
                     Clock clock) {
        this.repository = repository;
        this.context = context;
        this.events = events;
        this.clock = clock;
    }

    /** After reservations: publishes the feed events of the thresholds just crossed. */
    void notifyThresholds() {
        WalletRecord wallet = repository.find().orElse(null);
        if (wallet == null || wallet.getAllowanceTokens() <= 0) {
            return;
        }
        long used = Math.min(wallet.getSpent(), wallet.getAllowanceTokens());
        boolean reached100 = used >= wallet.getAllowanceTokens();
        boolean reached80 = used * 100 >= 80L * wallet.getAllowanceTokens();
        TenantId tenant = context.current();
        // feed summaries are French, as TenantEvent asks; the UI shows its own translated notification
        if (reached80 && !wallet.getNotified_80() && repository.claimNotification(wallet.getPeriodStart(), false)) {
            events.publishEvent(new WalletEvent(tenant, WalletEvent.ALLOWANCE_80,
                    "80 % de l'allocation mensuelle de jetons est consommée", clock.instant(),
                    Map.of("allowance", wallet.getAllowanceTokens(), "spent", wallet.getSpent())));
        }
        if (reached100 && !wallet.getNotified_100() && repository.claimNotification(wallet.getPeriodStart(), true)) {
            events.publishEvent(new WalletEvent(tenant, WalletEvent.ALLOWANCE_100,
                    "L'allocation mensuelle de jetons est épuisée : les packs prennent le relais",
                    clock.instant(), Map.of("allowance", wallet.getAllowanceTokens(), "spent", wallet.getSpent())));
        }
    }
}
