package fr.macrea.max.shared;

/**
 * What a job needs to act for a tenant: its id and its slug. {@code tenant.Tenant} implements it, so the security
 * package can run work for a tenant without depending on the tenant package (no package cycle).
 */
public interface TenantRef {

    TenantId id();

    String slug();
}
