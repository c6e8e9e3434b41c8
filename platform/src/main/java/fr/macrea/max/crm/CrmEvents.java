package fr.macrea.max.crm;

import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Locale;

/** Builds {@link CrmRecordChanged} events with their dotted type and French summary. */
final class CrmEvents {

    private CrmEvents() {
    }

    static CrmRecordChanged of(TenantId tenant, EntityRef ref, String change, String origin, Instant at) {
        String type = "crm." + CrmStore.snake(ref.entityType()).replace('_', '-').toLowerCase(Locale.ROOT) + "." + change;
        String verb = switch (change) {
            case "created" -> "créé(e)";
            case "deleted" -> "supprimé(e)";
            default -> "modifié(e)";
        };
        String from = origin.equals("espocrm") ? " dans EspoCRM" : "";
        String summary = "Fiche " + CrmStore.label(ref.entityType()) + " " + ref.id() + " " + verb + from + ".";
        return new CrmRecordChanged(tenant, type, summary, at, ref, origin);
    }
}
