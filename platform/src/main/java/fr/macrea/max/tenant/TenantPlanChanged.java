package fr.macrea.max.tenant;

/** Published when a platform admin changes a tenant's plan or add-ons. */
public record TenantPlanChanged(Tenant tenant) {
}
