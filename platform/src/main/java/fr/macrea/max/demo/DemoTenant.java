package fr.macrea.max.demo;

import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;

import java.util.List;
import java.util.Set;

/**
 * One demo tenant of the first start.
 *
 * @param verticals the brain ids (e.g. {@code ecommerce}) this tenant works with
 */
public record DemoTenant(String name, String slug, Plan plan, Set<AddOn> addOns, List<String> verticals,
                         String adminEmail, String userEmail) {

    public static final List<DemoTenant> ALL = List.of(
            new DemoTenant("QMix Paris", "qmix_paris", Plan.STUDIO, Set.of(), List.of("ecommerce", "beaute"),
                    "admin@qmix-paris.fr", "marie@qmix-paris.fr"),
            new DemoTenant("TransExpress Lyon", "transexpress_lyon", Plan.PRO, Set.of(AddOn.VOIX_IA), List.of("logistique"),
                    "admin@transexpress-lyon.fr", "karim@transexpress-lyon.fr"),
            new DemoTenant("Atelier Zen", "atelier_zen", Plan.STANDARD, Set.of(AddOn.FICHE_METIER), List.of("coaching"),
                    "admin@atelier-zen.fr", "lea@atelier-zen.fr"));

    public static final String PLATFORM_ADMIN_EMAIL = "admin@macrea.fr";
    /** Member of two tenants, to show the tenant switcher. */
    public static final String CONSULTANT_EMAIL = "consultant@macrea.fr";
}
