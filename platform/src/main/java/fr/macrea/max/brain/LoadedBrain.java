package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.PluginsApi;

/**
 * A validated brain. Only host-side immutable records are kept (never the brain's object or class), so unloading the
 * jar frees its class loader.
 */
public record LoadedBrain(String id, String version, String provider, BrainContributions contributions) {

    /** Vertical brains need Pro/Studio or the "Fiche métier" add-on; the universal one is for everyone. */
    public boolean vertical() {
        return !PluginsApi.STANDARD_BRAIN_ID.equals(id);
    }
}
