package fr.macrea.max.tenant;

import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.TenantRef;

import java.util.Set;

/** A tenant as the rest of the platform sees it. */
public record Tenant(
        TenantId id,
        String slug,
        String name,
        Plan plan,
        Set<AddOn> addOns,
        TenantStatus status,
        CrmMode crmMode,
        String crmSchema) implements TenantRef {

    public Tenant {
        addOns = Set.copyOf(addOns);
    }

    public boolean has(AddOn addOn) {
        return addOns.contains(addOn);
    }
}
