package fr.macrea.max.crm;

import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded CRM's writes and reads of many records at once (a send's Email rows and campaign log records, the
 * leads of a batch): one statement per chunk instead of one per record. Only bookkeeping entities without contact
 * points, tags or search text are inserted and updated in bulk; any other type goes record by record through
 * {@link CrmStore}, so what is written is the same either way.
 */
@Repository
class BulkRecords {

    /** Entities whose rows are plain columns (nothing in side tables): safe for multi-row writes. */
    static final Set<String> PLAIN = Set.of("Email", "CampaignLogRecord");
    /** Rows per statement: well under MariaDB's packet size and the 65 535 bind values of one statement. */
    private static final int CHUNK = 500;

    private final CrmStore store;
    private final Clock clock;

    BulkRecords(CrmStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Inserts prepared records of one type; returns their ids in order. */
    List<String> insertAll(String entityType, List<CrmInput.Prepared> records) {
        List<String> ids = new ArrayList<>(records.size());
        if (records.isEmpty()) {
            return ids;
        }
        if (!PLAIN.contains(entityType) || !sameColumns(records)) {
            records.forEach(p -> ids.add(store.insert(p)));
            return ids;
        }
        Table<?> table = records.getFirst().table();
        List<Field<?>> fields = new ArrayList<>(records.getFirst().columns().keySet());
        fields.add(CrmSchema.id(table));
        fields.add(CrmSchema.deleted(table));
        LocalDateTime now = store.now();
        Map<Field<?>, Object> stamps = new LinkedHashMap<>();
        CrmSchema.putIfColumn(table, stamps, "created_at", now);
        CrmSchema.putIfColumn(table, stamps, "modified_at", now);
        fields.addAll(stamps.keySet());
        for (int from = 0; from < records.size(); from += CHUNK) {
            InsertValuesStepN<?> insert = store.dsl().insertInto(table, fields);
            for (CrmInput.Prepared p : records.subList(from, Math.min(records.size(), from + CHUNK))) {
                String id = CrmIds.generate(clock);
                ids.add(id);
                List<Object> values = new ArrayList<>(p.columns().values());
                values.add(id);
                values.add((byte) 0);
                values.addAll(stamps.values());
                insert = insert.values(values);
            }
            insert.execute();
        }
        return ids;
    }

    /** The same changes on records of one type; returns how many (not deleted) records were changed. */
    int updateAll(CrmInput.Prepared changes, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        ids.forEach(CrmIds::require);
        if (!PLAIN.contains(changes.entityType())) {
            int n = 0;
            for (String id : ids) {
                try {
                    store.update(changes, id);
                    n++;
                } catch (CrmNotFoundException e) {
                    // a record deleted meanwhile is not changed, like EspoCRM's mass update
                }
            }
            return n;
        }
        Table<?> table = changes.table();
        Map<Field<?>, Object> values = new LinkedHashMap<>(changes.columns());
        CrmSchema.putIfColumn(table, values, "modified_at", store.now());
        List<String> all = List.copyOf(ids);
        int n = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            n += store.dsl().update(table).set(values)
                    .where(CrmSchema.id(table).in(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .and(CrmSchema.deleted(table).eq((byte) 0)).execute();
        }
        return n;
    }

    /** The records of one type among {@code ids} that exist (not deleted), as attribute maps, by id. */
    Map<String, Map<String, Object>> readAll(String entityType, Collection<String> ids) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        ids.forEach(CrmIds::require);
        Table<?> table = CrmSchema.table(entityType);
        CustomSchema custom = store.custom(entityType);
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<? extends Record> rows = store.dsl().select(custom.withColumnsOf(table)).from(table)
                    .where(CrmSchema.id(table).in(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .and(CrmSchema.deleted(table).eq((byte) 0)).fetch();
            for (Map<String, Object> a : store.toAttributes(entityType, rows)) {
                Map<String, Object> record = custom.normalise(a);
                out.put((String) record.get("id"), record);
            }
        }
        return out;
    }

    /** The ids among {@code ids} of records of one type that exist (not deleted): one id-only query per chunk. */
    Set<String> existing(String entityType, Collection<String> ids) {
        Set<String> out = new java.util.HashSet<>();
        ids.forEach(CrmIds::require);
        Table<?> table = CrmSchema.table(entityType);
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.addAll(store.dsl().select(CrmSchema.id(table)).from(table)
                    .where(CrmSchema.id(table).in(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .and(CrmSchema.deleted(table).eq((byte) 0)).fetch(CrmSchema.id(table)));
        }
        return out;
    }

    private static boolean sameColumns(List<CrmInput.Prepared> records) {
        var first = records.getFirst();
        for (CrmInput.Prepared p : records) {
            if (!p.columns().keySet().equals(first.columns().keySet()) || !p.special().isEmpty() || p.tags() != null
                    || (p.arrays() != null && !p.arrays().isEmpty())) {
                return false;
            }
        }
        return true;
    }
}
