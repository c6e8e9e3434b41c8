package fr.macrea.max.security;

import fr.macrea.max.shared.TenantId;

import java.io.Serializable;

/** The fact that a user belongs to a tenant with a role. */
public record Membership(TenantId tenantId, String tenantSlug, String tenantName, Role role) implements Serializable {
}
