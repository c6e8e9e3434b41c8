package fr.macrea.max.persistence;

import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.Table;

/**
 * A select of columns or aggregates started by {@link TenantScope#select}: its only way to a statement is a
 * {@code from}, which adds the tenant condition of the main table and of every tenant-owned joined table.
 */
public final class TenantSelect {

    private final TenantScope scope;
    private final SelectSelectStep<Record> select;

    TenantSelect(TenantScope scope, SelectSelectStep<Record> select) {
        this.scope = scope;
        this.select = select;
    }

    /** From one tenant-owned table. */
    public SelectConditionStep<Record> from(Table<?> table) {
        return select.from(table).where(scope.owned(table));
    }

    /**
     * From a tenant-owned table joined to others. The tenant condition of a joined table goes into its {@code ON}
     * (so a left join keeps its outer rows); a joined table without {@code tenant_id} (shared reference data) gets
     * none.
     */
    public SelectConditionStep<Record> from(Table<?> table, Join... joins) {
        Table<?> from = table;
        for (Join join : joins) {
            Condition on = join.on().and(scope.ownedIfTenantOwned(join.table()));
            from = join.left() ? from.leftJoin(join.table()).on(on) : from.join(join.table()).on(on);
        }
        return select.from(from).where(scope.owned(table));
    }

    /** An inner join for {@link #from(Table, Join...)}. */
    public static Join join(Table<?> table, Condition on) {
        return new Join(table, on, false);
    }

    /** A left outer join for {@link #from(Table, Join...)}. */
    public static Join leftJoin(Table<?> table, Condition on) {
        return new Join(table, on, true);
    }

    /** A joined table and its join condition; the tenant condition is added by {@link #from(Table, Join...)}. */
    public record Join(Table<?> table, Condition on, boolean left) {

        public Join {
            if (table == null || on == null) {
                throw new IllegalArgumentException("a join needs a table and a condition");
            }
        }
    }
}
