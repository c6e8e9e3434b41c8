package fr.macrea.max.fields;

/** Where a migration project is. Labels are message keys {@code fields.project.*}. */
public enum MigrationStatus {
    /** Proposed: a draft waiting for a tenant admin. */
    DRAFT,
    /** Steps are running (or a crash stopped them: start-up reverses what was applied). */
    APPLYING,
    APPLIED,
    /** A step failed: what was applied was reversed, nothing was charged. */
    FAILED,
    /** Applied, then undone. */
    UNDONE,
    /** The draft was rejected. */
    REJECTED;

    public String labelKey() {
        return "fields.project." + name();
    }
}
