package fr.macrea.max.persistence;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-row insert started by {@link TenantScope#insertInto(Table, Field[])}: each {@link #values} row gets the
 * current tenant's id in front of the caller's values, so no row of it can belong to another tenant.
 */
public final class TenantInsert<R extends Record> {

    private InsertValuesStepN<R> insert;
    private final int arity;
    private final long tenant;
    private int rows;

    TenantInsert(DSLContext dsl, Table<R> table, Field<Long> tenantField, List<Field<?>> fields, long tenant) {
        List<Field<?>> columns = new ArrayList<>(fields.size() + 1);
        columns.add(tenantField);
        columns.addAll(fields);
        this.insert = dsl.insertInto(table, columns);
        this.arity = fields.size();
        this.tenant = tenant;
    }

    /** One row, its values in the order of the columns given to {@code insertInto}. */
    public TenantInsert<R> values(Object... values) {
        if (values.length != arity) {
            throw new IllegalArgumentException("expected " + arity + " values, got " + values.length);
        }
        List<Object> row = new ArrayList<>(arity + 1);
        row.add(tenant);
        row.addAll(java.util.Arrays.asList(values));
        insert = insert.values(row);
        rows++;
        return this;
    }

    /** Inserts the rows (none: no statement); returns how many were inserted. */
    public int execute() {
        return rows == 0 ? 0 : insert.execute();
    }

    /** Inserts the rows and returns a generated column of each, in row order. */
    public <T> List<T> returning(Field<T> field) {
        return rows == 0 ? List.of() : insert.returning(field).fetch(field);
    }
}
