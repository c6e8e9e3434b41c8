package fr.macrea.max.persistence;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DeleteConditionStep;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one query helper for tenant-owned platform tables: every select, update and delete it starts already carries
 * {@code tenant_id = <current tenant>}, and every insert sets it. The tenant comes from {@link TenantContext} only.
 * <p>
 * Why explicit helpers and not a jOOQ {@code VisitListener} that adds the predicate to every rendered query: a
 * listener must rewrite every shape jOOQ can render (sub-queries, unions, derived tables, joins, {@code ON DUPLICATE
 * KEY}, multi-row inserts) and a missed shape fails open, silently; it also runs on every render of the hot wallet
 * statements. Here each entry point builds its predicate in plain sight, is covered by TenantIsolationIT, and the
 * architecture test keeps {@link DSLContext} out of every other class, so a query cannot start anywhere else.
 */
@Component
public class TenantScope {

    private static final String TENANT_ID = "tenant_id";
    private static final Pattern PROCEDURE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final DSLContext dsl;
    private final TenantContext tenants;

    public TenantScope(DSLContext dsl, TenantContext tenants) {
        this.dsl = dsl;
        this.tenants = tenants;
    }

    /** The tenant condition for a table; fails loudly on a table that is not tenant-owned. */
    public Condition owned(Table<?> table) {
        return tenantField(table).eq(tenants.current().value());
    }

    public <R extends Record> SelectConditionStep<R> selectFrom(Table<R> table) {
        return dsl.selectFrom(table).where(owned(table));
    }

    /**
     * A select of some columns or aggregates ({@code DSL.sum(...)}, {@code DSL.count()}); its {@code from} adds
     * the tenant condition of every tenant-owned table it names, joined ones included.
     */
    public TenantSelect select(SelectFieldOrAsterisk... fields) {
        return new TenantSelect(this, dsl.select(fields));
    }

    public <R extends Record> int count(Table<R> table, Condition condition) {
        return dsl.fetchCount(table, owned(table).and(condition));
    }

    public <R extends Record> InsertSetMoreStep<R> insertInto(Table<R> table) {
        return dsl.insertInto(table).set(tenantField(table), tenants.current().value());
    }

    /**
     * A multi-row insert of these columns: every row it takes gets the current tenant's id, so the columns never
     * name {@code tenant_id} (refused if they do).
     */
    public <R extends Record> TenantInsert<R> insertInto(Table<R> table, Field<?>... fields) {
        Field<Long> tenant = tenantField(table);
        for (Field<?> field : fields) {
            if (field.getName().equalsIgnoreCase(TENANT_ID)) {
                throw new IllegalArgumentException("the tenant column is set by TenantScope, not by the caller");
            }
        }
        return new TenantInsert<>(dsl, table, tenant, List.of(fields), tenants.current().value());
    }

    /** Starts an update whose {@code where} already carries the tenant condition. */
    public <R extends Record> TenantUpdate<R> update(Table<R> table) {
        return new TenantUpdate<>(dsl.update(table), owned(table));
    }

    public <R extends Record> DeleteConditionStep<R> deleteFrom(Table<R> table) {
        return dsl.deleteFrom(table).where(owned(table));
    }

    /** True on MariaDB/MySQL, where the platform's migrations create the stored procedures {@link #call} runs. */
    public boolean hasProcedures() {
        SQLDialect family = dsl.dialect().family();
        return family == SQLDialect.MYSQL || family == SQLDialect.MARIADB;
    }

    /**
     * Calls one of the platform's tenant-scoped stored procedures (created by a migration, never by a caller) with
     * the current tenant as its first argument, and returns its result set. One round trip.
     */
    public Result<Record> call(String procedure, Object... arguments) {
        if (!PROCEDURE_NAME.matcher(procedure).matches()) {
            throw new IllegalArgumentException("not a procedure name: " + procedure);
        }
        Object[] bindings = new Object[arguments.length + 1];
        bindings[0] = tenants.current().value();
        System.arraycopy(arguments, 0, bindings, 1, arguments.length);
        String placeholders = String.join(", ", java.util.Collections.nCopies(bindings.length, "?"));
        return dsl.resultQuery("CALL " + procedure + "(" + placeholders + ")", bindings).fetch();
    }

    public TenantId tenant() {
        return tenants.current();
    }

    /** The condition for a table if it is tenant-owned; none for shared reference tables (for joins). */
    Condition ownedIfTenantOwned(Table<?> table) {
        Field<?> field = table.field(TENANT_ID);
        return field == null ? org.jooq.impl.DSL.noCondition() : owned(table);
    }

    @SuppressWarnings("unchecked")
    static Field<Long> tenantField(Table<?> table) {
        Field<?> field = table.field(TENANT_ID);
        if (field == null || !Long.class.equals(field.getType())) {
            throw new IllegalArgumentException(table.getName() + " is not a tenant-owned table (no BIGINT tenant_id)");
        }
        return (Field<Long>) field;
    }
}
