package fr.macrea.max.brain;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * A platform admin activated or deactivated a brain for a tenant: its templates, KPIs, scenarios and suggestions
 * appear in, or disappear from, that tenant's catalogues.
 */
public record BrainActivationChanged(TenantId tenant, String brainId, Label brainName, boolean active,
                                     Instant occurredAt) implements TenantEvent {

    @Override
    public String type() {
        return active ? "brain.activated" : "brain.deactivated";
    }

    /**
     * "Brain X activated for this tenant." in the user's language. The name travels as a {@code brain.bilingual}
     * message rather than a {@link Label}: the feed stores messages as JSON, where a nested message survives and a
     * label would not.
     */
    @Override
    public Message message() {
        return Message.of(active ? "brain.event.activated" : "brain.event.deactivated",
                Message.of("brain.bilingual", brainName.fr(), brainName.en()));
    }

    /** The same line in French, for the feed's stored text and SSE clients. */
    @Override
    public String summary() {
        return FrenchMessages.render(message());
    }

    @Override
    public Map<String, Object> data() {
        return Map.of("brainId", brainId, "active", active);
    }
}
