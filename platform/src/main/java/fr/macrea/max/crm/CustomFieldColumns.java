package fr.macrea.max.crm;

import org.jooq.Field;

/**
 * The typed column of a custom field and its value in EspoCRM's API shape, for the repositories of other features
 * that read custom fields in their own queries (the CRM tab's list).
 */
public final class CustomFieldColumns {

    private CustomFieldColumns() {
    }

    public static Field<?> of(CustomField field) {
        return CustomColumns.field(field.column(), field.type());
    }

    /** A column value as the CRM port returns it: booleans, dates as text, a multiEnum as a list. */
    public static Object value(CustomField field, Object raw) {
        if (field.type().equals("multiEnum")) {
            return CustomSchema.list(raw);
        }
        return CrmValues.fromColumn(of(field), raw);
    }
}
