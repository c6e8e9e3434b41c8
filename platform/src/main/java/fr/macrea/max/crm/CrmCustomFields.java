package fr.macrea.max.crm;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's custom fields, learnt from its schema: the read side (lead card, CRM tab, search, KPIs, template
 * placeholders) asks here which {@code c...} fields exist, so nothing is hard-coded per vertical. The fields feature
 * adds and drops their columns here (embedded CRM, or the replica of an EspoCRM tenant). Every call acts in the
 * principal's tenant schema.
 */
@Service
public class CrmCustomFields {

    /** The EspoCRM field types whose columns M.A.X. can add (see {@link CustomColumns}). */
    public static final Set<String> TYPES = CustomColumns.SUPPORTED;
    /** Entity types whose tables the tenant schema has and that may get custom fields. */
    public static final Set<String> ENTITIES = Set.of("Lead", "Contact", "Account", "Call", "Meeting", "Task");

    private final CustomFieldStore store;

    CrmCustomFields(CustomFieldStore store) {
        this.store = store;
    }

    /**
     * The entity's custom fields whose columns exist, in the order they were added: those M.A.X. added with their
     * label, type and options, then those found in the schema only (added in EspoCRM by hand), named by attribute.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<CustomField> fields(String entityType) {
        Map<String, String> live = store.liveColumns(entityType);
        List<CustomField> out = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        for (CustomField f : store.catalog(entityType)) {
            if (live.containsKey(f.column())) {
                out.add(f);
                known.add(f.column());
                if (f.type().equals("currency")) {
                    known.add(f.column() + CustomColumns.CURRENCY_SUFFIX);
                }
            }
        }
        live.forEach((column, sqlType) -> {
            if (!known.contains(column) && !column.endsWith(CustomColumns.CURRENCY_SUFFIX)) {
                out.add(new CustomField(entityType, CrmSchema.camel(column), CustomColumns.typeOf(sqlType), null, null,
                        List.of(), null, null, null));
            }
        });
        return List.copyOf(out);
    }

    /** The saved views of the entity (the recommended views of the field plans applied). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<SavedView> views(String entityType) {
        return store.views(entityType);
    }

    /** Column names ({@code c_...}) of the entity's table beyond the standard EspoCRM schema. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Set<String> liveColumns(String entityType) {
        return store.liveColumns(entityType).keySet();
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public long rowCount(String entityType) {
        return store.rowCount(entityType);
    }

    /** The exact statements that adding the field runs (the amount and, for a currency, its currency column). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<String> addStatements(CustomField field) {
        return CustomColumns.definitions(field.column(), field.type()).stream()
                .map(c -> store.addColumnSql(field.entity(), c.getKey(), c.getValue())).toList();
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<String> dropStatements(CustomField field) {
        return CustomColumns.definitions(field.column(), field.type()).reversed().stream()
                .map(c -> store.dropColumnSql(field.entity(), c.getKey())).toList();
    }

    /** Adds the field's columns that are not there yet (so that a resumed step does not fail on its own work). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void addColumns(CustomField field) {
        store.forgetLive(field.entity());
        for (Map.Entry<String, String> c : CustomColumns.definitions(field.column(), field.type())) {
            if (!store.liveColumns(field.entity()).containsKey(c.getKey())) {
                store.execute(field.entity(), store.addColumnSql(field.entity(), c.getKey(), c.getValue()));
            }
        }
    }

    /** Drops the field's columns that are there, currency column first. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void dropColumns(CustomField field) {
        store.forgetLive(field.entity());
        for (Map.Entry<String, String> c : CustomColumns.definitions(field.column(), field.type()).reversed()) {
            if (store.liveColumns(field.entity()).containsKey(c.getKey())) {
                store.execute(field.entity(), store.dropColumnSql(field.entity(), c.getKey()));
            }
        }
        if (field.type().equals("multiEnum")) {
            store.deleteArrayValues(field.entity(), field.name());
        }
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public boolean exists(CustomField field) {
        store.forgetLive(field.entity());
        Map<String, String> live = store.liveColumns(field.entity());
        return CustomColumns.definitions(field.column(), field.type()).stream().allMatch(c -> live.containsKey(c.getKey()));
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void register(CustomField field) {
        store.register(field);
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void unregister(CustomField field) {
        store.unregister(field.entity(), field.name());
    }

    /** The tags the applied field plans propose for {@code cTags} (besides those already used). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<String> tagOptions(String entityType) {
        return store.catalog(entityType).stream().filter(f -> f.name().equals(CrmStore.TAGS)).findFirst()
                .map(CustomField::options).orElse(List.of());
    }

    /** Forgets the proposed tags recorded by that migration (not those of a later one). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void unregisterTags(String entityType, long migrationId) {
        store.catalog(entityType).stream()
                .filter(f -> f.name().equals(CrmStore.TAGS) && Long.valueOf(migrationId).equals(f.migrationId()))
                .findFirst().ifPresent(f -> store.unregister(entityType, f.name()));
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void saveView(SavedView view) {
        store.saveView(view);
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void removeView(String id) {
        store.removeView(id);
    }

    /** Records holding a value in the field (a bool counts when true: false is its default). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public long filled(CustomField field) {
        if (!store.liveColumns(field.entity()).containsKey(field.column())) {
            return 0;
        }
        return store.filled(field.entity(), field.column(), field.type());
    }

    /**
     * For the undo backup: the records with a value in any of the fields, as {@code id} + attribute -> value (a
     * currency with its {@code ...Currency} attribute).
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<Map<String, Object>> values(String entityType, List<CustomField> fields) {
        Map<String, String> live = store.liveColumns(entityType);
        Map<String, String> columns = new LinkedHashMap<>();
        for (CustomField f : fields) {
            for (Map.Entry<String, String> c : CustomColumns.definitions(f.column(), f.type())) {
                if (live.containsKey(c.getKey())) {
                    columns.put(c.getKey(), c.getKey().equals(f.column()) ? f.type() : "varchar");
                }
            }
        }
        if (columns.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : store.values(entityType, columns)) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            row.forEach((column, value) -> attributes.put(CrmSchema.camel(column), value));
            out.add(attributes);
        }
        return out;
    }
}
