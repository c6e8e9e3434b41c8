package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.PluginsApi;

import java.util.Map;

/**
 * A validated brain: the immutable records rebuilt in the server from what the brain's inspection child answered.
 * None of the brain's classes ever exists in the server, so unloading the jar only drops these records.
 *
 * @param workflowFiles the n8n workflow files the brain ships, by scenario id (read and checked at load time);
 *                      other scenarios get the workflow {@code automation.n8n.N8nWorkflowBuilder} generates
 */
public record LoadedBrain(String id, String version, String provider, BrainContributions contributions,
                          Map<String, String> workflowFiles) {

    public LoadedBrain {
        workflowFiles = Map.copyOf(workflowFiles);
    }

    /** Vertical brains need Pro/Studio or the "Fiche métier" add-on; the universal one is for everyone. */
    public boolean vertical() {
        return !PluginsApi.STANDARD_BRAIN_ID.equals(id);
    }
}
