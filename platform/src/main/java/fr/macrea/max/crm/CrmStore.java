package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import fr.macrea.max.persistence.TenantDsl;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records of the tenant CRM schema in EspoCRM attribute maps: the embedded CRM itself, and the replica of an EspoCRM
 * tenant. Reads and M.A.X.'s own writes are here; the rest of the schema's concerns are beside it: input checks
 * ({@link CrmInput}), e-mail/phone/tag link rows ({@link ContactPointStore}), EspoCRM copies ({@link ReplicaStore}),
 * duplicates ({@link DuplicateReader}), target lists ({@link TargetListStore}), search words ({@link SearchTextStore}).
 */
@Repository
class CrmStore {

    static final String TAGS = "cTags";
    static final DateTimeFormatter ESPO_DATETIME = CrmValues.ESPO_DATETIME;

    enum Outcome { CREATED, UPDATED, UNCHANGED, DELETED }

    private final TenantDsl tenantDsl;
    private final Clock clock;
    private final AttributeReader attributes;
    private final ContactPointStore contactPoints;
    private final ReplicaStore replica;
    private final SearchTextStore searchText;
    private final CustomFieldStore customFields;

    CrmStore(TenantDsl tenantDsl, Clock clock, AttributeReader attributes, ContactPointStore contactPoints,
             ReplicaStore replica, SearchTextStore searchText, CustomFieldStore customFields) {
        this.customFields = customFields;
        this.tenantDsl = tenantDsl;
        this.clock = clock;
        this.attributes = attributes;
        this.contactPoints = contactPoints;
        this.replica = replica;
        this.searchText = searchText;
    }

    DSLContext dsl() {
        return tenantDsl.crm();
    }

    static boolean supports(String entityType) {
        return CrmSchema.supports(entityType);
    }

    static LocalDateTime parseDateTime(Object value) {
        return CrmValues.parseDateTime(value);
    }

    // ---------------------------------------------------------------- reads

    Optional<Map<String, Object>> read(String entityType, String id) {
        return read(entityType, id, false);
    }

    Map<String, Object> require(String entityType, String id) {
        return read(entityType, id).orElseThrow(() -> notFound(entityType, id));
    }

    /** Like {@link #require}, the row locked until the surrounding transaction ends (a before-image). */
    Map<String, Object> requireForUpdate(String entityType, String id) {
        return read(entityType, id, true).orElseThrow(() -> notFound(entityType, id));
    }

    private Optional<Map<String, Object>> read(String entityType, String id, boolean lock) {
        CrmIds.require(id);
        Table<?> table = CrmSchema.table(entityType);
        CustomSchema custom = custom(entityType);
        var select = dsl().select(custom.withColumnsOf(table)).from(table).where(CrmSchema.id(table).eq(id)).and(CrmSchema.deleted(table).eq((byte) 0));
        Record r = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        return Optional.ofNullable(r).map(rec -> custom.normalise(attributes.toAttributes(entityType, rec)));
    }

    /** The attribute names of the entity's columns, custom ones included (what a read returns, derived ones aside). */
    java.util.Set<String> attributeNames(String entityType) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Field<?> f : CrmSchema.table(entityType).fields()) {
            names.add(CrmSchema.camel(f.getName()));
        }
        for (String column : customFields.liveColumns(entityType).keySet()) {
            names.add(CrmSchema.camel(column));
        }
        return names;
    }

    /** The entity's custom columns in the tenant's schema (none for most entity types). */
    CustomSchema custom(String entityType) {
        return customFields.schema(entityType);
    }

    List<Map<String, Object>> toAttributes(String entityType, List<? extends Record> records) {
        return attributes.toAttributes(entityType, records);
    }

    // ---------------------------------------------------------------- writes

    /** Creates a record asked by M.A.X.; returns its id. */
    String insert(CrmInput.Prepared p) {
        String id = CrmIds.generate(clock);
        LocalDateTime now = now();
        Map<Field<?>, Object> values = new LinkedHashMap<>(p.columns());
        values.put(CrmSchema.id(p.table()), id);
        values.put(CrmSchema.deleted(p.table()), (byte) 0);
        CrmSchema.putIfColumn(p.table(), values, "created_at", now);
        CrmSchema.putIfColumn(p.table(), values, "modified_at", now);
        dsl().transaction(tx -> {
            DSLContext d = tx.dsl();
            d.insertInto(p.table()).set(values).execute();
            contactPoints.write(d, p, id);
            searchText.refresh(d, p.entityType(), id);
        });
        return id;
    }

    /** Changes a record asked by M.A.X. (it must exist and not be deleted). */
    void update(CrmInput.Prepared p, String id) {
        Map<Field<?>, Object> values = new LinkedHashMap<>(p.columns());
        CrmSchema.putIfColumn(p.table(), values, "modified_at", now());
        dsl().transaction(tx -> {
            DSLContext d = tx.dsl();
            int n = d.update(p.table()).set(values).where(CrmSchema.id(p.table()).eq(id))
                    .and(CrmSchema.deleted(p.table()).eq((byte) 0)).execute();
            if (n == 0) {
                throw notFound(p.entityType(), id);
            }
            contactPoints.write(d, p, id);
            searchText.refresh(d, p.entityType(), id);
        });
    }

    /** Copies one EspoCRM record into the replica (see {@link ReplicaStore#upsert}). */
    Outcome upsertReplica(String entityType, Map<String, Object> record) {
        return replica.upsert(entityType, record);
    }

    /** Soft delete, as EspoCRM does; returns false when there was nothing (left) to delete. */
    boolean softDelete(String entityType, String id) {
        CrmIds.require(id);
        Table<?> table = CrmSchema.table(entityType);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CrmSchema.deleted(table), (byte) 1);
        CrmSchema.putIfColumn(table, values, "modified_at", now());
        return dsl().update(table).set(values).where(CrmSchema.id(table).eq(id))
                .and(CrmSchema.deleted(table).eq((byte) 0)).execute() > 0;
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    }

    static CrmNotFoundException notFound(String entityType, String id) {
        return new CrmNotFoundException(Message.of("crm.record.not-found", label(entityType), id));
    }

    static String snake(String camel) {
        return CrmSchema.snake(camel);
    }

    /** The record type's name in the user's language ({@code crm.entity.*}); an unknown type is shown as is. */
    static Object label(String entityType) {
        return supports(entityType) ? Message.of("crm.entity." + entityType) : entityType;
    }
}
