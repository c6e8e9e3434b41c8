package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

/** The replica of an EspoCRM tenant: records EspoCRM returned or sent, copied into the tenant schema. */
@Repository
class ReplicaStore {

    private final TenantDsl tenantDsl;
    private final AttributeReader attributes;
    private final ContactPointStore contactPoints;
    private final SearchTextStore searchText;
    private final CustomFieldStore customFields;

    ReplicaStore(TenantDsl tenantDsl, AttributeReader attributes, ContactPointStore contactPoints, SearchTextStore searchText,
                 CustomFieldStore customFields) {
        this.customFields = customFields;
        this.tenantDsl = tenantDsl;
        this.attributes = attributes;
        this.contactPoints = contactPoints;
        this.searchText = searchText;
    }

    /**
     * Copies one EspoCRM record into the replica. Idempotent: a record whose {@code modifiedAt} is not newer than
     * the stored one is left alone (replayed webhooks, overlapping pulls), so nothing is duplicated or rolled back;
     * neither is a stored record by a copy without {@code modifiedAt}.
     */
    @SuppressWarnings("unchecked")
    CrmStore.Outcome upsert(String entityType, Map<String, Object> record) {
        Object rawId = record.get("id");
        String id = CrmIds.require(rawId == null ? null : rawId.toString());
        CustomSchema custom = customFields.schema(entityType);
        CrmInput.Prepared p = CrmInput.prepare(entityType, record, CrmInput.Mode.REPLICA, custom);
        Table<?> table = p.table();
        Field<LocalDateTime> modifiedAt = (Field<LocalDateTime>) (Field<?>) table.field("modified_at");
        Field<String> idField = CrmSchema.id(table);
        Field<Byte> deleted = CrmSchema.deleted(table);
        return tenantDsl.crm().transactionResult(tx -> {
            DSLContext d = tx.dsl();
            Record existing = d.select(custom.withColumnsOf(table)).from(table).where(idField.eq(id)).forUpdate().fetchOne();
            Map<Field<?>, Object> values = new LinkedHashMap<>(p.columns());
            values.remove(idField);
            boolean deletedFlag = CrmValues.truthySafe(record.get("deleted"));
            values.put(deleted, (byte) (deletedFlag ? 1 : 0));
            if (existing == null) {
                values.put(idField, id);
                d.insertInto(table).set(values).execute();
                contactPoints.write(d, p, id);
                searchText.refresh(d, entityType, id);
                return deletedFlag ? CrmStore.Outcome.DELETED : CrmStore.Outcome.CREATED;
            }
            LocalDateTime stored = modifiedAt == null ? null : existing.get(modifiedAt);
            LocalDateTime incoming = modifiedAt == null ? null : (LocalDateTime) p.columns().get(modifiedAt);
            if (stored != null && incoming != null && incoming.isBefore(stored)) {
                return CrmStore.Outcome.UNCHANGED; // an older copy (late webhook, overlapping pull) never rolls a record back
            }
            if (stored != null && incoming == null) {
                // a copy without modifiedAt (a replayed or hand-made webhook) cannot show it is newer than what the
                // replica holds: ignored, the next pull brings EspoCRM's current state anyway
                return CrmStore.Outcome.UNCHANGED;
            }
            if (stored != null && stored.equals(incoming) && same(entityType, p, existing, values)) {
                return CrmStore.Outcome.UNCHANGED; // a replayed batch
            }
            d.update(table).set(values).where(idField.eq(id)).execute();
            contactPoints.write(d, p, id);
            searchText.refresh(d, entityType, id);
            boolean wasDeleted = existing.get(deleted) != null && existing.get(deleted) == 1;
            return deletedFlag && !wasDeleted ? CrmStore.Outcome.DELETED : CrmStore.Outcome.UPDATED;
        });
    }

    /** Same modifiedAt: unchanged only if columns, tags, e-mail, phone and opt-out are all equal too. */
    private boolean same(String entityType, CrmInput.Prepared p, Record existing, Map<Field<?>, Object> values) {
        Map<String, Object> current = attributes.toAttributes(entityType, existing);
        if (p.tags() != null && !new LinkedHashSet<>(p.tags()).equals(new LinkedHashSet<>(CrmReader.tagsOf(current)))) {
            return false;
        }
        for (Map.Entry<String, Object> e : p.special().entrySet()) {
            Object now = current.get(e.getKey());
            Object given = e.getValue();
            boolean equal = e.getKey().endsWith("IsOptedOut")
                    ? CrmValues.truthySafe(now) == CrmValues.truthySafe(given)
                    : CrmValues.str(now).equalsIgnoreCase(CrmValues.str(given).strip());
            if (!equal) {
                return false;
            }
        }
        for (Map.Entry<Field<?>, Object> e : values.entrySet()) {
            if (!Objects.equals(existing.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
