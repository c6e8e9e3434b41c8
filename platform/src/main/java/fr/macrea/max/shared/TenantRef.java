package fr.macrea.max.shared;

/**
 * What a job needs to act for a tenant: its id and its slug. {@code tenant.Tenant} implements it, so the security
 * package can run work for a tenant without depending on the tenant package (no package cycle).
 */
public interface TenantRef {

    TenantId id();

    String slug();

    /**
     * A reference for work that knows only the tenant's id (an event names its tenant by id); the slug is then a
     * label for logs and the system principal, never a lookup key.
     */
    static TenantRef of(TenantId id, String slug) {
        record Ref(TenantId id, String slug) implements TenantRef {
        }
        return new Ref(id, slug);
    }
}
