package fr.macrea.max.fields;

/** A planned field compared with the tenant's schema. Labels are message keys {@code fields.status.*}. */
public enum FieldStatus {
    /** Not in the schema: the migration adds it. */
    ADD,
    /** Already there with the same type: nothing to do. */
    SAME,
    /** Already there with another type: left alone (M.A.X. never changes a column's type), shown as a conflict. */
    CONFLICT;

    public String labelKey() {
        return "fields.status." + name();
    }
}
