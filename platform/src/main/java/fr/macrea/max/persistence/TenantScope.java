package fr.macrea.max.persistence;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DeleteConditionStep;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The one query helper for tenant-owned platform tables: every select, update and delete it starts already carries
 * {@code tenant_id = <current tenant>}, and every insert sets it. The tenant comes from {@link TenantContext} only.
 */
@Component
public class TenantScope {

    private static final String TENANT_ID = "tenant_id";

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

    public <R extends Record> int count(Table<R> table, Condition condition) {
        return dsl.fetchCount(table, owned(table).and(condition));
    }

    public <R extends Record> InsertSetMoreStep<R> insertInto(Table<R> table) {
        return dsl.insertInto(table).set(tenantField(table), tenants.current().value());
    }

    /** Starts an update whose {@code where} already carries the tenant condition. */
    public <R extends Record> TenantUpdate<R> update(Table<R> table) {
        return new TenantUpdate<>(dsl.update(table), owned(table));
    }

    public <R extends Record> DeleteConditionStep<R> deleteFrom(Table<R> table) {
        return dsl.deleteFrom(table).where(owned(table));
    }

    public TenantId tenant() {
        return tenants.current();
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
