package fr.macrea.max.tenant;

/** Published once a tenant and its CRM schema exist. */
public record TenantCreated(Tenant tenant) {
}
