package fr.macrea.max.ui.wallet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.ui.base.HeaderWidget;
import fr.macrea.max.wallet.WalletService;
import fr.macrea.max.wallet.WalletWatch;

/** The token balance in the header (nothing for a platform admin outside any tenant). */
@org.springframework.stereotype.Component
class BalanceWidget implements HeaderWidget {

    private final WalletService wallet;
    private final WalletWatch watch;
    private final TenantContext context;

    BalanceWidget(WalletService wallet, WalletWatch watch, TenantContext context) {
        this.wallet = wallet;
        this.watch = watch;
        this.context = context;
    }

    @Override
    public Component create() {
        if (context.find().isEmpty()) {
            return new Span();
        }
        return new BalanceBadge(wallet, watch, context);
    }

    @Override
    public int order() {
        return 20;
    }
}
