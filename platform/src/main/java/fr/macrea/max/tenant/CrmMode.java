package fr.macrea.max.tenant;

/** Where a tenant's CRM data lives (SPEC §2.1). */
public enum CrmMode {
    /** The tenant schema is the CRM. */
    EMBEDDED,
    /** A real EspoCRM instance is the source of truth; the tenant schema is its replica. */
    ESPOCRM
}
