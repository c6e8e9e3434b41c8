package fr.macrea.max.testing;

import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Membership;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.NewTenant;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tenants and signed-in users for integration tests. Each tenant gets a unique slug, so test classes sharing one
 * database never see each other's data by accident.
 */
public final class TestTenants {

    private static final AtomicLong USER_IDS = new AtomicLong(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));

    private TestTenants() {
    }

    public static Tenant create(TenantService tenants, String name, Plan plan, AddOn... addOns) {
        String slug = (name.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999), 36));
        return SystemAuthentication.asPlatform(() -> tenants.create(new NewTenant(name, slug, plan, Set.of(addOns))));
    }

    /** A principal that is a member of the given tenant only, working in it. */
    public static MaxPrincipal member(Tenant tenant, Role role) {
        long id = USER_IDS.incrementAndGet();
        Membership membership = new Membership(tenant.id(), tenant.slug(), tenant.name(), role);
        return new MaxPrincipal(id, "user" + id + "@test.fr", "Test " + id, null, false, List.of(membership), tenant.id());
    }

    /** Signs the principal in on the current thread (until {@link #signOut()}). */
    public static MaxPrincipal signIn(MaxPrincipal principal) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return principal;
    }

    public static MaxPrincipal signInAs(Tenant tenant, Role role) {
        return signIn(member(tenant, role));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
