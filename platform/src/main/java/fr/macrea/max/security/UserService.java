package fr.macrea.max.security;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Accounts, memberships and the tenant switch. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TenantContext context;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, TenantContext context) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.context = context;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public long create(NewUser user) {
        if (users.emailExists(user.email())) {
            throw new InvalidUserException(Message.of("security.user.email.taken", user.email()));
        }
        return users.insert(user.email(), user.displayName(), passwordEncoder.encode(user.password()), user.platformAdmin());
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void grant(TenantId tenant, long userId, Role role) {
        users.upsertMembership(tenant, userId, role);
    }

    /** Members of the current tenant (tenant admins only). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<TenantMember> membersOfCurrentTenant() {
        return users.membersOf(context.current());
    }

    /**
     * Whether the signed-in user may still work in their current tenant: a member deactivated by an admin keeps a
     * session opened before, which the UI closes when this turns false. Work without a user (jobs) and platform
     * admins outside any tenant are not concerned.
     */
    public boolean stillActiveInCurrentTenant() {
        return context.principal()
                .filter(p -> p.userId() > 0)
                .flatMap(p -> p.currentTenant().map(t -> !users.isDeactivatedMember(t, p.userId())))
                .orElse(true);
    }

    /**
     * Moves the signed-in user to another tenant they belong to. Returns the new authentication, which the caller
     * stores in its security context; a tenant they do not belong to is refused.
     */
    public Authentication switchTenant(TenantId target) {
        MaxPrincipal principal = context.principal().orElseThrow(() -> new AccessDeniedException("Not authenticated"));
        if (!principal.isMemberOf(target) || users.isDeactivatedMember(target, principal.userId())) {
            throw new AccessDeniedException("Not a member of tenant " + target);
        }
        MaxPrincipal switched = principal.withCurrentTenant(target);
        return UsernamePasswordAuthenticationToken.authenticated(switched, null, switched.getAuthorities());
    }
}
