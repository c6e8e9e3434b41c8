package fr.macrea.max.fields;

import fr.macrea.max.crm.CustomField;
import fr.macrea.max.tenant.CrmMode;

import java.util.List;
import java.util.Map;

/** Where a migration's fields are created: the embedded CRM's schema, or EspoCRM and its replica. */
interface SchemaTarget {

    CrmMode mode();

    /** Custom fields of the entity that exist now: name -> EspoCRM type. */
    Map<String, String> existing(String entityType);

    /** What adding the field runs, as shown to the admin before validating. */
    List<String> changes(CustomField field);

    /** Adds the field (idempotent: a field already there is left as it is). */
    void add(CustomField field);

    /** Removes the field and its data (idempotent). */
    void remove(CustomField field);

    /** Cleans what a failed add may have left (embedded: its columns). */
    default void removePartial(CustomField field) {
        remove(field);
    }

    /** The last step after the fields (EspoCRM's rebuild), or null when there is none. */
    default String finishCommand() {
        return null;
    }

    default void finish() {
    }
}
