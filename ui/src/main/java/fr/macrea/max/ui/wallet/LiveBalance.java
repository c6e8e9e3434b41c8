package fr.macrea.max.ui.wallet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableRunnable;
import fr.macrea.max.event.EventSubscription;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.wallet.WalletWatch;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serializable;

/**
 * Follows the server-side "balance changed" signal of the signed-in tenant for one component, whoever spent or
 * refunded (this screen, another tab, a colleague, a job, another node): subscribed while attached, the refresh runs
 * inside {@link UI#access} (server push) as the user who attached it, since the signal arrives on a fan-out thread
 * with no security context and the wallet reads the tenant from the principal.
 */
public final class LiveBalance implements Serializable {

    private final transient WalletWatch watch;
    private final transient TenantContext tenants;
    private final SerializableRunnable refresh;
    private transient EventSubscription subscription;

    private LiveBalance(WalletWatch watch, TenantContext tenants, SerializableRunnable refresh) {
        this.watch = watch;
        this.tenants = tenants;
        this.refresh = refresh;
    }

    /** Runs {@code refresh} with the UI locked after each change of the tenant's balance while {@code owner} is attached. */
    public static LiveBalance follow(Component owner, WalletWatch watch, TenantContext tenants,
                                     SerializableRunnable refresh) {
        LiveBalance live = new LiveBalance(watch, tenants, refresh);
        owner.addAttachListener(attach -> live.start(attach.getUI()));
        owner.addDetachListener(detach -> live.stop());
        owner.getUI().ifPresent(live::start);
        return live;
    }

    private synchronized void start(UI ui) {
        stop();
        if (tenants.find().isEmpty()) {
            return;
        }
        SecurityContext security = SecurityContextHolder.getContext();
        subscription = watch.follow(() -> deliver(ui, security));
    }

    private void deliver(UI ui, SecurityContext security) {
        try {
            ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(security);
                try {
                    refresh.run();
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            });
        } catch (UIDetachedException gone) {
            stop(); // the tab is closed: no detach event will come from a dead UI
        }
    }

    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
