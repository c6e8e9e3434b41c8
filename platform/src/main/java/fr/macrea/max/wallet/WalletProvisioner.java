package fr.macrea.max.wallet;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantCreated;
import fr.macrea.max.tenant.TenantPlanChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A new tenant gets its wallet and its price table; a plan upgrade raises the allowance. */
@Component
class WalletProvisioner {

    private final WalletService wallet;
    private final PriceTableService prices;
    private final TenantContext context;

    WalletProvisioner(WalletService wallet, PriceTableService prices, TenantContext context) {
        this.wallet = wallet;
        this.prices = prices;
        this.context = context;
    }

    @EventListener
    void on(TenantCreated created) {
        context.runAs(created.tenant(), () -> {
            wallet.provision(created.tenant().plan());
            prices.seedDefaults();
        });
    }

    @EventListener
    void on(TenantPlanChanged changed) {
        context.runAs(changed.tenant(), () -> wallet.planChanged(changed.tenant().plan()));
    }
}
