package fr.macrea.max.crm;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;

/**
 * The names users read for EspoCRM's stored values ("Web Site", "In Process", "Meeting", "Post", "Opened"): EspoCRM's
 * own labels, from its fr_FR and en_US i18n files, kept in the {@code crm-values} bundles. A value EspoCRM does not
 * ship (a custom source, a status added by the tenant's admin) is shown as it is stored.
 */
public final class CrmLabels {

    static final String PREFIX = "crm.value.";

    private CrmLabels() {
    }

    /** The label of one enum value, e.g. {@code value("Lead", "source", "Web Site")} -> "Site internet". */
    public static Message value(String entityType, String field, String value) {
        if (value == null || value.isBlank()) {
            return Message.of("shared.untranslated", "");
        }
        return known(PREFIX + entityType + "." + field + "." + value.strip().replace(' ', '-'), value);
    }

    /** The name of a kind of record, e.g. {@code entity("Meeting")} -> "Rendez-vous". */
    public static Message entity(String entityType) {
        if (entityType == null || entityType.isBlank()) {
            return Message.of("shared.untranslated", "");
        }
        return known(PREFIX + "scope." + entityType, entityType);
    }

    private static Message known(String key, String raw) {
        return FrenchMessages.knows(key) ? Message.of(key) : Message.of("shared.untranslated", raw);
    }
}
