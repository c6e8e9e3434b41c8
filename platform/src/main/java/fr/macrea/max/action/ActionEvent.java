package fr.macrea.max.action;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * Action outcomes for the activity feed: action.completed, action.failed, action.drafted, action.undone. The
 * {@code message} is what the UI renders in the user's language; the {@code summary} is its French text, for SSE
 * clients and the feed's stored text.
 */
public record ActionEvent(TenantId tenant, String type, String summary, Message message, Instant occurredAt,
                          Map<String, Object> data) implements TenantEvent {

    public static final String COMPLETED = "action.completed";
    public static final String FAILED = "action.failed";
    public static final String DRAFTED = "action.drafted";
    public static final String UNDONE = "action.undone";

    public ActionEvent {
        data = Map.copyOf(data);
    }

    /** The event of a message, its summary being the French rendering of it. */
    public static ActionEvent of(TenantId tenant, String type, Message message, Instant occurredAt,
                                 Map<String, Object> data) {
        return new ActionEvent(tenant, type, FrenchMessages.render(message), message, occurredAt, data);
    }
}
