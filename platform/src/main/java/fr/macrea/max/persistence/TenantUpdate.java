package fr.macrea.max.persistence;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.UpdateConditionStep;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;

/**
 * An update of a tenant-owned table started by {@link TenantScope#update}: its only way to a statement is
 * {@link #where}, which always adds the tenant condition, so no caller can forget it.
 */
public final class TenantUpdate<R extends Record> {

    private final UpdateSetFirstStep<R> first;
    private final Condition owned;
    private UpdateSetMoreStep<R> more;

    TenantUpdate(UpdateSetFirstStep<R> first, Condition owned) {
        this.first = first;
        this.owned = owned;
    }

    public <T> TenantUpdate<R> set(Field<T> field, T value) {
        more = more == null ? first.set(field, value) : more.set(field, value);
        return this;
    }

    public <T> TenantUpdate<R> set(Field<T> field, Field<T> value) {
        more = more == null ? first.set(field, value) : more.set(field, value);
        return this;
    }

    public TenantUpdate<R> setNull(Field<?> field) {
        more = more == null ? first.setNull(field) : more.setNull(field);
        return this;
    }

    /** The tenant condition and the caller's. */
    public UpdateConditionStep<R> where(Condition condition) {
        return started().where(owned).and(condition);
    }

    /** Every row of the current tenant (a table with one row per tenant, such as the wallet). */
    public UpdateConditionStep<R> all() {
        return started().where(owned);
    }

    private UpdateSetMoreStep<R> started() {
        if (more == null) {
            throw new IllegalStateException("an update needs at least one set(...)");
        }
        return more;
    }
}
