package fr.macrea.max.crm;

import java.util.List;
import java.util.Objects;

/**
 * A custom field of the tenant's CRM, named the EspoCRM way: attribute {@code cPoidsKg}, column {@code c_poids_kg}.
 *
 * @param type        the EspoCRM field type ({@code varchar}, {@code enum}, {@code multiEnum}, {@code int},
 *                    {@code float}, {@code currency}, {@code bool}, {@code date}, {@code datetime}, {@code text})
 * @param options     the values of an enum / multiEnum field, empty otherwise
 * @param brainId     the brain whose field plan added it (null for a field found in the schema only)
 * @param migrationId the migration project that added it (null likewise)
 */
public record CustomField(String entity, String name, String type, String labelFr, String labelEn,
                          List<String> options, String gdprPurpose, String brainId, Long migrationId) {

    public CustomField {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        labelFr = labelFr == null || labelFr.isBlank() ? name : labelFr;
        labelEn = labelEn == null || labelEn.isBlank() ? labelFr : labelEn;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The label in the language of the given tag ({@code en} or anything else, French). */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelFr;
    }

    /** Whether the CRM tab offers it as a filter of values. */
    public boolean enumerated() {
        return (type.equals("enum") || type.equals("multiEnum")) && !options.isEmpty();
    }

    /** The snake_case column behind the attribute ({@code cPoidsKg} -> {@code c_poids_kg}). */
    public String column() {
        return CrmSchema.snake(name);
    }
}
