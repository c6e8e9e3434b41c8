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

    public TenantId current() {
        return find().orElseThrow(NoTenantException::new);
    }

    public Optional<TenantId> find() {
        return principal().flatMap(MaxPrincipal::currentTenant);
    }

    public Optional<MaxPrincipal> principal() {
        // the acting principal of callAs first, whatever strategy the application installed (ActingAuthentication)
        Authentication authentication = ActingAuthentication.current().map(SecurityContext::getAuthentication)
                .orElseGet(() -> SecurityContextHolder.getContext().getAuthentication());
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof MaxPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * Runs work for a tenant (jobs, start-up, a console action acting inside a tenant) as a system principal with
     * the tenant admin role, then restores the caller. Method security sees that principal too, also inside a Vaadin
     * request ({@link ActingAuthentication}).
     */
    public <T> T callAs(TenantRef tenant, Supplier<T> work) {
        MaxPrincipal system = MaxPrincipal.system(tenant.id(), tenant.slug());
        return ActingAuthentication.callAs(UsernamePasswordAuthenticationToken.authenticated(system, null,
                system.getAuthorities()), work);
    }

    public void runAs(TenantRef tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
