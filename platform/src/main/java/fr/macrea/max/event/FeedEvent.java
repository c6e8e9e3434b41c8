package fr.macrea.max.event;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TenantEvent} as stored in the activity feed: it has an id, increasing per tenant in delivery order, which
 * SSE clients get as {@code id:} and send back as {@code Last-Event-ID}.
 *
 * @param data the event's details as JSON-friendly values (strings, numbers, booleans, nested maps and lists)
 */
public record FeedEvent(long id, TenantId tenant, String type, String summary, Instant occurredAt,
                        Map<String, Object> data) implements Serializable {

    public FeedEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : data;
    }

    /** The line to show in the user's language: the stored message (data {@code message}), else the summary. */
    public Message message() {
        Message stored = EventMessages.read(data.get(EventMessages.DATA_KEY));
        return stored != null ? stored : Message.of("shared.untranslated", summary);
    }

    /** The id of a signal: a live-only event that is not stored in the feed (e.g. "the wallet balance moved"). */
    public static final long SIGNAL = 0;

    /**
     * A live-only event of the tenant, carried by the fan-out (every node) but never stored: feed subscribers (activity
     * feed, SSE) do not see it, {@link EventFanout} subscribers that ask for it do.
     */
    public static FeedEvent signal(TenantId tenant, String type, Instant occurredAt, Map<String, Object> data) {
        return new FeedEvent(SIGNAL, tenant, type, "", occurredAt, data);
    }

    public boolean isSignal() {
        return id == SIGNAL;
    }

    /** AI action events ({@code action.*}) raise a notification in the UI. */
    public boolean isAiAction() {
        return type.startsWith("action.");
    }
}
