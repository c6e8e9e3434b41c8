package fr.macrea.max.ui.wallet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableRunnable;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.ui.event.LiveEvents;
import fr.macrea.max.wallet.WalletWatch;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Follows the server-side "balance changed" signal of the signed-in tenant for one component, whoever spent or
 * refunded (this screen, another tab, a colleague, a job, another node), through {@link LiveEvents}: subscribed while
 * attached, the refresh runs inside {@link UI#access} (server push) as the user who attached it, since the signal
 * arrives on a fan-out thread with no security context and the wallet reads the tenant from the principal.
 */
public final class LiveBalance {

    private LiveBalance() {
    }

    /** Runs {@code refresh} with the UI locked after each change of the tenant's balance while {@code owner} is attached. */
    public static LiveEvents<SecurityContext> follow(Component owner, WalletWatch watch, TenantContext tenants,
                                                     SerializableRunnable refresh) {
        // the source runs when the owner attaches, on the attaching user's thread: each signal carries their context
        LiveEvents.Source<SecurityContext> signals = listener -> {
            SecurityContext attachedAs = SecurityContextHolder.getContext();
            return watch.follow(() -> listener.accept(attachedAs));
        };
        return LiveEvents.follow(owner, tenants, signals, attachedAs -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(attachedAs);
            try {
                refresh.run();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }
}
