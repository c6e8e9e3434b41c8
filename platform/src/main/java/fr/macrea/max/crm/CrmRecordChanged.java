package fr.macrea.max.crm;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * A CRM record was created, updated or deleted, by M.A.X. or (EspoCRM mode) by the sync. Type
 * {@code crm.<entity>.<created|updated|deleted>}, e.g. {@code crm.lead.updated}.
 */
public record CrmRecordChanged(TenantId tenant, String type, String summary, Instant occurredAt, EntityRef ref,
                               String origin) implements TenantEvent {

    /** "Fiche lead 42 modifiée (dans EspoCRM)." in the user's language; the change is the type's last segment. */
    @Override
    public Message message() {
        String change = type.substring(type.lastIndexOf('.') + 1);
        String key = "crm.event." + (change.equals("created") || change.equals("deleted") ? change : "updated")
                + ("espocrm".equals(origin) ? ".espocrm" : "");
        return Message.of(key, Message.of("crm.entity." + ref.entityType()), ref.id());
    }

    @Override
    public Map<String, Object> data() {
        return Map.of("entityType", ref.entityType(), "id", ref.id(), "origin", origin);
    }
}
