package fr.macrea.max.brain;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * A platform admin activated or deactivated a brain for a tenant: its templates, KPIs, scenarios and suggestions
 * appear in, or disappear from, that tenant's catalogues.
 */
public record BrainActivationChanged(TenantId tenant, String brainId, String brainName, boolean active,
                                     Instant occurredAt) implements TenantEvent {

    @Override
    public String type() {
        return active ? "brain.activated" : "brain.deactivated";
    }

    @Override
    public String summary() {
        return "Cerveau « " + brainName + " » " + (active ? "activé" : "désactivé") + " pour ce tenant.";
    }

    @Override
    public Map<String, Object> data() {
        return Map.of("brainId", brainId, "active", active);
    }
}
