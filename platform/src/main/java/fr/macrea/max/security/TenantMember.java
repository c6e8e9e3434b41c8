package fr.macrea.max.security;

import java.time.Instant;
import java.util.Optional;

/** A user as listed in a tenant's settings; {@code lastLogin} is empty until their first sign-in. */
public record TenantMember(long userId, String email, String displayName, Role role, MemberStatus status,
                           Optional<Instant> lastLogin) {

    public boolean activeAdmin() {
        return role == Role.TENANT_ADMIN && status == MemberStatus.ACTIVE;
    }
}
