package fr.macrea.max.ui.reporting;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a refresh inside {@link UI#access} on behalf of the signed-in user: background threads (event publishers) carry
 * no security context, and the services behind the views check the principal and take the tenant from it.
 */
final class SecuredAccess {

    private SecuredAccess() {
    }

    /** A runnable for another thread that updates {@code owner} as the user who is signed in now. */
    static Runnable of(Component owner, Runnable refresh) {
        SecurityContext context = SecurityContextHolder.getContext();
        UI ui = owner.getUI().orElse(UI.getCurrent());
        return () -> {
            if (ui == null) {
                return;
            }
            try {
                ui.access(() -> {
                    SecurityContext previous = SecurityContextHolder.getContext();
                    SecurityContextHolder.setContext(context);
                    try {
                        refresh.run();
                    } finally {
                        SecurityContextHolder.setContext(previous);
                    }
                });
            } catch (UIDetachedException gone) {
                // tab closed: nothing to refresh
            }
        };
    }
}
