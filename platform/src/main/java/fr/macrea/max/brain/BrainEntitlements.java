package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;

import java.util.Optional;

/**
 * SPEC §5: the universal brain is part of every plan; a vertical brain ("fiche métier") needs Pro, Studio or the
 * "Fiche métier" add-on. Decided by the brain's id, never by what a jar says about itself.
 */
final class BrainEntitlements {

    private BrainEntitlements() {
    }

    static boolean allows(Tenant tenant, String brainId) {
        return refusal(tenant, brainId).isEmpty();
    }

    /** Why the tenant may not use the brain, if it may not. */
    static Optional<Message> refusal(Tenant tenant, String brainId) {
        if (PluginsApi.STANDARD_BRAIN_ID.equals(brainId) || tenant.plan() != Plan.STANDARD
                || tenant.has(AddOn.FICHE_METIER)) {
            return Optional.empty();
        }
        return Optional.of(Message.of("brain.entitlement.vertical-needs-plan", brainId, Message.of(AddOn.FICHE_METIER.labelKey()),
                tenant.name(), tenant.plan().label()));
    }
}
