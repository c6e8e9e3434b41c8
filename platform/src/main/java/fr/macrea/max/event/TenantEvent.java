package fr.macrea.max.event;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * A past-tense fact about one tenant (a CRM record changed, an AI action ran, an automation finished). Features
 * publish their events as records implementing this interface with Spring's {@code ApplicationEventPublisher};
 * the event feature carries them to the activity feed, notifications, open UIs (push) and SSE clients, and never
 * to another tenant.
 */
public interface TenantEvent {

    TenantId tenant();

    /** Stable, dotted type, e.g. {@code crm.lead.updated}, {@code action.completed}. */
    String type();

    /** One line for the activity feed, in French: what SSE clients read and the feed stores as text. */
    String summary();

    /**
     * The same line as a message the UI renders in the user's language. Events that have not moved to message keys
     * yet show their French summary as is.
     */
    default Message message() {
        return Message.of("shared.untranslated", summary());
    }

    Instant occurredAt();

    /** Small, JSON-friendly details (ids, amounts); never secrets, never whole records. */
    default Map<String, Object> data() {
        return Map.of();
    }
}
