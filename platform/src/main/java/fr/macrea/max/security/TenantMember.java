package fr.macrea.max.security;

/** A user as listed in a tenant's settings. */
public record TenantMember(long userId, String email, String displayName, Role role) {
}
