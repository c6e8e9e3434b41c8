package fr.macrea.max.crm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.security.TenantContext;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.MAX_CUSTOM_FIELD;
import static fr.macrea.max.db.crm.Tables.MAX_SAVED_VIEW;

/**
 * The custom columns of the tenant's CRM tables, read from the information schema (H2 and MariaDB alike), their
 * catalogue ({@code max_custom_field}, {@code max_saved_view}) and the DDL that adds or drops them. Column names
 * reach SQL as quoted names built from identifiers the fields feature has already whitelisted; the column
 * definitions are constants of {@link CustomColumns}.
 */
@Repository
class CustomFieldStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> CRITERIA = new TypeReference<>() {
    };

    private final TenantDsl tenantDsl;
    private final TenantContext tenants;
    /** Live custom columns per schema and table: an ALTER on this node forgets its entry at once, others in 10 s. */
    private final Cache<String, Map<String, String>> live = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).maximumSize(10_000).build();
    /**
     * The catalogue per schema and table, read on every record read and write of a tenant with custom fields (its
     * types and options): a change on this node forgets its entry at once, others in 10 s, like the columns.
     */
    private final Cache<String, List<CustomField>> catalogue = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).maximumSize(10_000).build();

    CustomFieldStore(TenantDsl tenantDsl, TenantContext tenants) {
        this.tenantDsl = tenantDsl;
        this.tenants = tenants;
    }

    // ------------------------------------------------------------------ the live schema

    /** Custom columns ({@code c_...}) of the entity's table that the generated schema does not know: name -> SQL type. */
    Map<String, String> liveColumns(String entityType) {
        Table<?> table = CrmSchema.table(entityType);
        return live.get(key(entityType), k -> read(tenantDsl.crmSchemaName(), table));
    }

    private Map<String, String> read(String schema, Table<?> table) {
        Field<String> column = DSL.field(DSL.name("column_name"), String.class);
        Field<String> type = DSL.field(DSL.name("data_type"), String.class);
        Map<String, String> out = new LinkedHashMap<>();
        tenantDsl.crm().select(column, type).from(DSL.table(DSL.name("information_schema", "columns")))
                // plain equalities on both names: MariaDB then opens that one table instead of scanning the
                // information schema of every tenant's schema (names are lower case on H2 and MariaDB alike)
                .where(DSL.field(DSL.name("table_schema"), String.class).eq(schema.toLowerCase(Locale.ROOT)),
                        DSL.field(DSL.name("table_name"), String.class).eq(table.getName().toLowerCase(Locale.ROOT)))
                .orderBy(DSL.field(DSL.name("ordinal_position")))
                .forEach(r -> {
                    String name = r.value1().toLowerCase(Locale.ROOT);
                    if (name.startsWith("c_") && table.field(name) == null) {
                        out.put(name, r.value2());
                    }
                });
        return Map.copyOf(out);
    }

    /** The entity's custom columns, typed from the catalogue, for the CRM stores' selects, writes and checks. */
    CustomSchema schema(String entityType) {
        if (!CrmSchema.supports(entityType)) {
            return CustomSchema.NONE;
        }
        Map<String, String> columns = liveColumns(entityType);
        if (columns.isEmpty()) {
            return CustomSchema.NONE;
        }
        Map<String, CustomField> catalogued = new LinkedHashMap<>();
        catalog(entityType).forEach(f -> catalogued.put(f.column(), f));
        Map<String, Field<?>> fields = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        columns.forEach((column, sqlType) -> {
            CustomField f = catalogued.get(column);
            String type = f != null ? f.type()
                    : column.endsWith(CustomColumns.CURRENCY_SUFFIX) ? "varchar" : CustomColumns.typeOf(sqlType);
            fields.put(column, CustomColumns.field(column, type));
            types.put(column, type);
            if (f != null && f.enumerated()) {
                options.put(column, f.options());
            }
        });
        return new CustomSchema(fields, types, options);
    }

    void forgetLive(String entityType) {
        live.invalidate(key(entityType));
    }

    long rowCount(String entityType) {
        Table<?> table = CrmSchema.table(entityType);
        return tenantDsl.crm().fetchCount(table, CrmSchema.deleted(table).eq((byte) 0));
    }

    // ------------------------------------------------------------------ DDL

    /** The statement adding one column, rendered for the tenant's database (what the project shows and runs). */
    String addColumnSql(String entityType, String column, String definition) {
        return render(DSL.query("alter table {0} add column {1} " + definition, qualified(entityType), DSL.name(column)));
    }

    String dropColumnSql(String entityType, String column) {
        return render(DSL.query("alter table {0} drop column {1}", qualified(entityType), DSL.name(column)));
    }

    /** Runs a statement built by {@link #addColumnSql} or {@link #dropColumnSql}; DDL commits on its own. */
    void execute(String entityType, String statement) {
        try {
            tenantDsl.crm().execute(statement);
        } finally {
            forgetLive(entityType);
        }
    }

    private Name qualified(String entityType) {
        return DSL.name(tenantDsl.crmSchemaName(), CrmSchema.table(entityType).getName());
    }

    private String render(Query query) {
        return tenantDsl.crm().renderInlined(query);
    }

    // ------------------------------------------------------------------ values

    /** Records with a value in the column (for a bool: true, its default being false). */
    long filled(String entityType, String column, String type) {
        Table<?> table = CrmSchema.table(entityType);
        return tenantDsl.crm().fetchCount(table, CrmSchema.deleted(table).eq((byte) 0).and(hasValue(column, type)));
    }

    /** id + the values of the columns, for the records with at least one of them set (the undo backup). */
    List<Map<String, Object>> values(String entityType, Map<String, String> columnTypes) {
        Table<?> table = CrmSchema.table(entityType);
        List<Field<?>> fields = new ArrayList<>();
        fields.add(CrmSchema.id(table));
        List<Condition> any = new ArrayList<>();
        columnTypes.forEach((column, type) -> {
            fields.add(CustomColumns.field(column, type));
            any.add(hasValue(column, type));
        });
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record r : tenantDsl.crm().select(fields).from(table).where(DSL.or(any)).orderBy(CrmSchema.id(table)).fetch()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Field<?> f : r.fields()) {
                row.put(f.getName(), CrmValues.fromColumn(f, r.get(f)));
            }
            out.add(row);
        }
        return out;
    }

    private static Condition hasValue(String column, String type) {
        Field<?> f = CustomColumns.field(column, type);
        if (type.equals("bool")) {
            return DSL.field(DSL.name(column), Byte.class).eq((byte) 1);
        }
        if (type.equals("varchar") || type.equals("enum")) {
            return f.isNotNull().and(DSL.field(DSL.name(column), String.class).ne(""));
        }
        return f.isNotNull();
    }

    /** EspoCRM's per-value rows of a multiEnum attribute, removed with its column. */
    void deleteArrayValues(String entityType, String attribute) {
        tenantDsl.crm().deleteFrom(ARRAY_VALUE).where(ARRAY_VALUE.ENTITY_TYPE.eq(entityType),
                ARRAY_VALUE.ATTRIBUTE.eq(attribute)).execute();
    }

    // ------------------------------------------------------------------ catalogue

    List<CustomField> catalog(String entityType) {
        return catalogue.get(key(entityType), k -> readCatalog(entityType));
    }

    private List<CustomField> readCatalog(String entityType) {
        return List.copyOf(tenantDsl.crm().selectFrom(MAX_CUSTOM_FIELD).where(MAX_CUSTOM_FIELD.ENTITY_TYPE.eq(entityType))
                .orderBy(MAX_CUSTOM_FIELD.MIGRATION_ID, MAX_CUSTOM_FIELD.NAME).fetch()
                .map(r -> new CustomField(r.getEntityType(), r.getName(), r.getType(), r.getLabelFr(), r.getLabelEn(),
                        r.getOptions() == null ? List.of() : CrmJson.MAPPER.readValue(r.getOptions(), STRINGS),
                        r.getGdprPurpose(), r.getBrainId(), r.getMigrationId())));
    }

    /** Tenant and table: no query to name the schema on the read path (a tenant's schema never changes). */
    private String key(String entityType) {
        return tenants.current().value() + "." + CrmSchema.table(entityType).getName();
    }

    void register(CustomField field) {
        DSLContext d = tenantDsl.crm();
        d.transaction(tx -> {
            tx.dsl().deleteFrom(MAX_CUSTOM_FIELD).where(MAX_CUSTOM_FIELD.ENTITY_TYPE.eq(field.entity()),
                    MAX_CUSTOM_FIELD.NAME.eq(field.name())).execute();
            tx.dsl().insertInto(MAX_CUSTOM_FIELD)
                    .set(MAX_CUSTOM_FIELD.ENTITY_TYPE, field.entity()).set(MAX_CUSTOM_FIELD.NAME, field.name())
                    .set(MAX_CUSTOM_FIELD.TYPE, field.type()).set(MAX_CUSTOM_FIELD.LABEL_FR, clip(field.labelFr()))
                    .set(MAX_CUSTOM_FIELD.LABEL_EN, clip(field.labelEn()))
                    .set(MAX_CUSTOM_FIELD.OPTIONS, field.options().isEmpty() ? null : CrmJson.write(field.options()))
                    .set(MAX_CUSTOM_FIELD.GDPR_PURPOSE, clip(field.gdprPurpose()))
                    .set(MAX_CUSTOM_FIELD.BRAIN_ID, field.brainId()).set(MAX_CUSTOM_FIELD.MIGRATION_ID, field.migrationId())
                    .execute();
        });
        catalogue.invalidate(key(field.entity()));
    }

    void unregister(String entityType, String name) {
        tenantDsl.crm().deleteFrom(MAX_CUSTOM_FIELD)
                .where(MAX_CUSTOM_FIELD.ENTITY_TYPE.eq(entityType), MAX_CUSTOM_FIELD.NAME.eq(name)).execute();
        catalogue.invalidate(key(entityType));
    }

    List<SavedView> views(String entityType) {
        return tenantDsl.crm().selectFrom(MAX_SAVED_VIEW).where(MAX_SAVED_VIEW.ENTITY_TYPE.eq(entityType))
                .orderBy(MAX_SAVED_VIEW.MIGRATION_ID, MAX_SAVED_VIEW.ID).fetch()
                .map(r -> new SavedView(r.getId(), r.getEntityType(), r.getLabelFr(), r.getLabelEn(),
                        CrmJson.MAPPER.readValue(r.getColumnsJson(), STRINGS),
                        CrmJson.MAPPER.readValue(r.getFiltersJson(), CRITERIA).stream()
                                .map(m -> Criterion.of(m.get("field"), Criterion.Operator.valueOf(m.get("operator")),
                                        m.get("value"))).toList(),
                        r.getBrainId(), r.getMigrationId()));
    }

    void saveView(SavedView view) {
        List<Map<String, String>> filters = view.filters().stream()
                .map(c -> Map.of("field", c.field(), "operator", c.operator().name(), "value", c.value())).toList();
        tenantDsl.crm().transaction(tx -> {
            tx.dsl().deleteFrom(MAX_SAVED_VIEW).where(MAX_SAVED_VIEW.ID.eq(view.id())).execute();
            tx.dsl().insertInto(MAX_SAVED_VIEW).set(MAX_SAVED_VIEW.ID, view.id())
                    .set(MAX_SAVED_VIEW.ENTITY_TYPE, view.entity()).set(MAX_SAVED_VIEW.LABEL_FR, clip(view.labelFr()))
                    .set(MAX_SAVED_VIEW.LABEL_EN, clip(view.labelEn()))
                    .set(MAX_SAVED_VIEW.COLUMNS_JSON, CrmJson.write(view.columns()))
                    .set(MAX_SAVED_VIEW.FILTERS_JSON, CrmJson.write(filters))
                    .set(MAX_SAVED_VIEW.BRAIN_ID, view.brainId()).set(MAX_SAVED_VIEW.MIGRATION_ID, view.migrationId())
                    .execute();
        });
    }

    void removeView(String id) {
        tenantDsl.crm().deleteFrom(MAX_SAVED_VIEW).where(MAX_SAVED_VIEW.ID.eq(id)).execute();
    }

    private static String clip(String s) {
        return s == null ? null : s.length() <= 255 ? s : s.substring(0, 255);
    }
}
