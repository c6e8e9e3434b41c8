package fr.macrea.max.ui.event;

import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.event.FeedEvent;

import java.util.Locale;

/** How events read in the UI: a category from the type's first segment, and local (Paris) time. */
final class EventLabels {

    private EventLabels() {
    }

    /** Translation key of the event's category ({@code crm.lead.updated} -> {@code event.category.crm}). */
    static String categoryKey(FeedEvent event) {
        String first = event.type().contains(".") ? event.type().substring(0, event.type().indexOf('.')) : event.type();
        return switch (first) {
            case "crm", "action", "automation", "tenant", "wallet" -> "event.category." + first;
            default -> "event.category.other";
        };
    }

    /** Events worth a notification: AI actions and automation outcomes. */
    static boolean notable(FeedEvent event) {
        return event.isAiAction() || event.type().startsWith("automation.");
    }

    static String time(FeedEvent event, Locale locale) {
        return Dates.dateTimeSeconds(event.occurredAt(), locale);
    }
}
