package fr.macrea.max.ui.crm;

import com.vaadin.flow.component.Component;
import fr.macrea.max.crm.CrmLabels;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.ui.base.Messages;

/**
 * EspoCRM's stored values as the user reads them, in the user's language, with EspoCRM's own labels
 * ({@link CrmLabels}): the one translator of the CRM grid, its filters, the lead card, its history and Reporting.
 * A value EspoCRM does not ship is shown as stored.
 */
public final class CrmValueText {

    private CrmValueText() {
    }

    public static String value(Component view, String entityType, String field, String value) {
        return value == null ? "" : Messages.text(view, CrmLabels.value(entityType, field, value));
    }

    public static String leadStatus(Component view, String status) {
        return value(view, "Lead", "status", status);
    }

    public static String leadSource(Component view, String source) {
        return value(view, "Lead", "source", source);
    }

    /** "Rendez-vous", "Appel", "Note", ...: the kind of a history item. */
    public static String kind(Component view, String entityType) {
        return entityType == null ? "" : Messages.text(view, CrmLabels.entity(entityType));
    }

    /**
     * The title of a history item: a note's type ("Poster"), a campaign record's action and campaign ("Ouvert ·
     * Soldes d'été"), else the item's own name (a call's, a task's subject).
     */
    public static String title(Component view, TimelineEntry entry) {
        String title = entry.title() == null ? "" : entry.title();
        return switch (entry.kind() == null ? "" : entry.kind()) {
            case "Note" -> value(view, "Note", "type", title);
            case "CampaignLogRecord" -> {
                String action = value(view, "CampaignLogRecord", "action", entry.status());
                yield action.isEmpty() ? title : title.isEmpty() ? action : action + " · " + title;
            }
            default -> title;
        };
    }
}
