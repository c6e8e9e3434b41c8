package fr.macrea.max.tenant;

import java.util.Set;

/** What a platform admin fills in to create a tenant. */
public record NewTenant(String name, String slug, Plan plan, Set<AddOn> addOns) {

    public NewTenant {
        if (name == null || name.isBlank()) {
            throw new InvalidTenantException("Le nom du tenant est obligatoire.");
        }
        name = name.strip();
        slug = slug == null || slug.isBlank() ? Slugs.fromName(name) : slug.strip();
        Slugs.requireValid(slug);
        if (plan == null) {
            throw new InvalidTenantException("Le plan est obligatoire.");
        }
        addOns = addOns == null ? Set.of() : Set.copyOf(addOns);
    }
}
