package fr.macrea.max.fields;

import java.util.List;

/**
 * One field of the plan against the schema.
 *
 * @param column      the snake_case column ({@code c_poids_kg})
 * @param currentType the EspoCRM type found in the schema (null when the field is missing)
 * @param changes     the exact statements or Field Manager calls that adding it runs (empty unless ADD)
 */
public record FieldProposal(String entity, String name, String column, String type, String labelFr, String labelEn,
                            List<String> options, String gdprPurpose, boolean required, FieldStatus status,
                            String currentType, List<String> changes) {

    public FieldProposal {
        options = options == null ? List.of() : List.copyOf(options);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public String label(String language) {
        return "en".equals(language) ? labelEn : labelFr;
    }
}
