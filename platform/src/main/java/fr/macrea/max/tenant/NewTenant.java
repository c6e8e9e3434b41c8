package fr.macrea.max.tenant;

import fr.macrea.max.shared.Message;

import java.util.Set;

/** What a platform admin fills in to create a tenant. */
public record NewTenant(String name, String slug, Plan plan, Set<AddOn> addOns) {

    /** The {@code tenant.name} column's width: a longer name is refused here, not by the database. */
    public static final int NAME_MAX_LENGTH = 120;
    /** Slugs become schema names ({@code crm_<slug>}): see {@link Slugs}. */
    public static final int SLUG_MAX_LENGTH = 40;

    public NewTenant {
        if (name == null || name.isBlank()) {
            throw new InvalidTenantException(Message.of("tenant.name.required"));
        }
        name = name.strip();
        if (name.length() > NAME_MAX_LENGTH) {
            throw new InvalidTenantException(Message.of("tenant.name.too-long", NAME_MAX_LENGTH));
        }
        if (slug != null && slug.strip().length() > SLUG_MAX_LENGTH) {
            throw new InvalidTenantException(Message.of("tenant.slug.too-long", SLUG_MAX_LENGTH));
        }
        slug = slug == null || slug.isBlank() ? Slugs.fromName(name) : slug.strip();
        Slugs.requireValid(slug);
        if (plan == null) {
            throw new InvalidTenantException(Message.of("tenant.plan.required"));
        }
        addOns = addOns == null ? Set.of() : Set.copyOf(addOns);
    }
}
