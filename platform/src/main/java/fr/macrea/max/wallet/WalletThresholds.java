package fr.macrea.max.wallet;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
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

    /**
     * After reservations: publishes the feed events of the thresholds just crossed, judged on the wallet row as the
     * reservations left it when the caller has it ({@code known}, no read), else on the row read now.
     */
    void notifyThresholds(WalletRow known) {
        WalletRow wallet = known != null ? known : repository.find().orElse(null);
        if (wallet == null || wallet.allowanceTokens() <= 0) {
            return;
        }
        long used = Math.min(wallet.spent(), wallet.allowanceTokens());
        boolean reached100 = used >= wallet.allowanceTokens();
        boolean reached80 = used * 100 >= 80L * wallet.allowanceTokens();
        TenantId tenant = context.current();
        Map<String, Object> data = Map.of("allowance", wallet.allowanceTokens(), "spent", wallet.spent(),
                "packLeft", Math.max(0, wallet.packLeft()));
        if (reached80 && !wallet.notified80() && repository.claimNotification(wallet.periodStart(), false)) {
            events.publishEvent(WalletEvent.of(tenant, WalletEvent.ALLOWANCE_80,
                    Message.of("wallet.event.allowance-80"), clock.instant(), data));
        }
        if (reached100 && !wallet.notified100() && repository.claimNotification(wallet.periodStart(), true)) {
            events.publishEvent(WalletEvent.of(tenant, WalletEvent.ALLOWANCE_100, allowanceSpent(wallet),
                    clock.instant(), data));
        }
    }

    /**
     * The 100 % message says what happens next: pack tokens take over (and how many are left), or, with no pack
     * token left, AI actions stop until the next period or a top-up.
     */
    static Message allowanceSpent(WalletRow wallet) {
        int packLeft = wallet.packLeft();
        return packLeft > 0 ? Message.of("wallet.event.allowance-100.packs", packLeft)
                : Message.of("wallet.event.allowance-100.stop");
    }
}
