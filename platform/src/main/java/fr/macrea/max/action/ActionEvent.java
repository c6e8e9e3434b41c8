package fr.macrea.max.action;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/** Action outcomes for the activity feed: action.completed, action.failed, action.drafted, action.undone. */
public record ActionEvent(TenantId tenant, String type, String summary, Instant occurredAt, Map<String, Object> data)
        implements TenantEvent {

    public static final String COMPLETED = "action.completed";
    public static final String FAILED = "action.failed";
    public static final String DRAFTED = "action.drafted";
    public static final String UNDONE = "action.undone";

    public ActionEvent {
        data = Map.copyOf(data);
    }
}
