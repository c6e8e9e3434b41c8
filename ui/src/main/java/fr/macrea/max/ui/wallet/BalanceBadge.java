package fr.macrea.max.ui.wallet;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import fr.macrea.max.wallet.WalletBalance;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.wallet.WalletService;
import fr.macrea.max.wallet.WalletWatch;

/**
 * The header balance: tokens and their euro value, amber from 80 % of the monthly allowance and red at 100 %,
 * with a notification the first time this session sees each threshold in a period. It follows the wallet's
 * server-side signal, so a spend or refund from any screen, colleague, job or node shows at once (server push).
 */
public class BalanceBadge extends Span {

    private final transient WalletService wallet;

    public BalanceBadge(WalletService wallet, WalletWatch watch, TenantContext tenants) {
        this.wallet = wallet;
        setId("wallet-balance");
        addClassName("wallet-balance");
        refresh();
        LiveBalance.follow(this, watch, tenants, this::refresh);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        notifyThresholds();
    }

    public void refresh() {
        WalletBalance b = wallet.balance();
        setText(getTranslation("wallet.tokens", b.total()) + " · " + Money.euros(b.euroValue()));
        // Vaadin's coins icon, not the coin emoji (an empty box where the system has no emoji font)
        Icon coins = VaadinIcon.COINS.create();
        coins.addClassName("wallet-icon");
        coins.getElement().setAttribute("aria-hidden", "true");
        addComponentAsFirst(coins);
        setTitle(getTranslation("wallet.balance.detail", b.allowanceLeft(), b.allowance(), b.packLeft(),
                b.allowanceUsedPercent()));
        removeClassNames("wallet-80", "wallet-100");
        if (b.allowanceUsedPercent() >= 100) {
            addClassName("wallet-100");
        } else if (b.allowanceUsedPercent() >= 80) {
            addClassName("wallet-80");
        }
        notifyThresholds();
    }

    private void notifyThresholds() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !isAttached()) {
            return;
        }
        WalletBalance b = wallet.balance();
        int level = b.allowanceUsedPercent() >= 100 ? 100 : b.allowanceUsedPercent() >= 80 ? 80 : 0;
        if (level == 0) {
            return;
        }
        String key = "wallet.notified." + b.periodStart() + "." + level;
        if (session.getAttribute(key) != null) {
            return;
        }
        session.setAttribute(key, Boolean.TRUE);
        // at 100 % say what is true: pack tokens take over only while some are left, else it is a hard stop
        String key100 = b.packLeft() > 0 ? "wallet.notify.100" : "wallet.notify.100.stop";
        Notification n = Notification.show(getTranslation(level == 100 ? key100 : "wallet.notify.80",
                b.total()), 8000, Notification.Position.TOP_END);
        n.addThemeVariants(level == 100 ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_WARNING);
        n.setId("wallet-threshold-notification");
    }
}
