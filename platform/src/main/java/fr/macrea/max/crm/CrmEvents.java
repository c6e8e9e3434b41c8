package fr.macrea.max.crm;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Locale;

/** Builds {@link CrmRecordChanged} events with their dotted type, message and French summary (for SSE clients). */
final class CrmEvents {

    private CrmEvents() {
    }

    static CrmRecordChanged of(TenantId tenant, EntityRef ref, String change, String origin, Instant at) {
        String type = "crm." + CrmStore.snake(ref.entityType()).replace('_', '-').toLowerCase(Locale.ROOT) + "." + change;
        CrmRecordChanged event = new CrmRecordChanged(tenant, type, "", at, ref, origin);
        return new CrmRecordChanged(tenant, type, FrenchMessages.render(event.message()), at, ref, origin);
    }
}
