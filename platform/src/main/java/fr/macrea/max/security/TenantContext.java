package fr.macrea.max.security;

import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.TenantRef;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current tenant, read from the authenticated principal and nowhere else: never from a request parameter,
 * never a default. Jobs that act for a tenant use {@link #callAs}.
 */
@Component
public class TenantContext {

    /**
     * The principal of {@link #callAs} while its work runs. Setting Spring's security context is not enough: in a
     * Vaadin request, Vaadin's strategy reads the context stored in the session before the one set on the thread,
     * so a console action acting for a tenant would still see the admin. A scoped value is bounded by the call.
     */
    private static final ScopedValue<MaxPrincipal> ACTING = ScopedValue.newInstance();

    public TenantId current() {
        return find().orElseThrow(NoTenantException::new);
    }

    public Optional<TenantId> find() {
        return principal().flatMap(MaxPrincipal::currentTenant);
    }

    public Optional<MaxPrincipal> principal() {
        if (ACTING.isBound()) {
            return Optional.of(ACTING.get());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof MaxPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** Runs work for a tenant outside a request (jobs, start-up), as a system principal, then restores the caller. */
    public <T> T callAs(TenantRef tenant, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        MaxPrincipal system = MaxPrincipal.system(tenant.id(), tenant.slug());
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null,
                system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return ScopedValue.where(ACTING, system).call(work::get);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void runAs(TenantRef tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
