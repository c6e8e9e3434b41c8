package fr.macrea.max.security;

import fr.macrea.max.shared.TenantId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user, the tenants they belong to and the one they are working in. This is the only source of the
 * current tenant ({@link fr.macrea.max.security.TenantContext}); it is immutable, switching tenant builds a new one.
 */
public final class MaxPrincipal implements UserDetails, CredentialsContainer {

    private final long userId;
    private final String email;
    private final String displayName;
    private final boolean platformAdmin;
    private final List<Membership> memberships;
    private final Membership current;
    private String passwordHash;

    public MaxPrincipal(long userId, String email, String displayName, String passwordHash, boolean platformAdmin,
                        List<Membership> memberships, TenantId currentTenant) {
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.platformAdmin = platformAdmin;
        this.memberships = List.copyOf(memberships);
        this.current = currentTenant == null ? null : memberships.stream()
                .filter(m -> m.tenantId().equals(currentTenant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(email + " is not a member of " + currentTenant));
    }

    /** A principal for scheduled jobs and start-up work acting inside one tenant. */
    public static MaxPrincipal system(TenantId tenant, String tenantSlug) {
        Membership membership = new Membership(tenant, tenantSlug, tenantSlug, Role.TENANT_ADMIN);
        return new MaxPrincipal(0, "system@max", "M.A.X.", "", false, List.of(membership), tenant);
    }

    public MaxPrincipal withCurrentTenant(TenantId tenant) {
        return new MaxPrincipal(userId, email, displayName, passwordHash, platformAdmin, memberships, tenant);
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean platformAdmin() {
        return platformAdmin;
    }

    public List<Membership> memberships() {
        return memberships;
    }

    public Optional<Membership> currentMembership() {
        return Optional.ofNullable(current);
    }

    public Optional<TenantId> currentTenant() {
        return currentMembership().map(Membership::tenantId);
    }

    public boolean isMemberOf(TenantId tenant) {
        return memberships.stream().anyMatch(m -> m.tenantId().equals(tenant));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (platformAdmin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.PLATFORM_ADMIN));
        }
        if (current != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.USER));
            if (current.role() == Role.TENANT_ADMIN) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN));
            }
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxPrincipal other && other.userId == userId && other.email.equals(email);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId) * 31 + email.hashCode();
    }

    @Override
    public String toString() {
        return "MaxPrincipal[" + email + ", tenant=" + currentTenant().map(Object::toString).orElse("-") + "]";
    }
}
