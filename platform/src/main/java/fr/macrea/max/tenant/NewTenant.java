package fr.macrea.max.tenant;

import fr.macrea.max.shared.Message;

import java.util.Set;

/** What a platform admin fills in to create a tenant. */
public record NewTenant(String name, String slug, Plan plan, Set<AddOn> addOns) {

    public NewTenant {
        if (name == null || name.isBlank()) {
            throw new InvalidTenantException(Message.of("tenant.name.required"));
        }
        name = name.strip();
        slug = slug == null || slug.isBlank() ? Slugs.fromName(name) : slug.strip();
        Slugs.requireValid(slug);
        if (plan == null) {
            throw new InvalidTenantException(Message.of("tenant.plan.required"));
        }
        addOns = addOns == null ? Set.of() : Set.copyOf(addOns);
    }
}
