package fr.macrea.max.crm;

import fr.macrea.max.plugins.api.Criterion;

import java.util.List;
import java.util.Objects;

/**
 * A saved filter of the CRM tab: a brain's recommended list view, kept by the migration that applied its field plan.
 *
 * @param id      {@code <brain>:<view id>}, stable
 * @param columns attribute names shown, in order
 * @param filters the view's conditions, evaluated like a KPI's (never SQL from a brain)
 */
public record SavedView(String id, String entity, String labelFr, String labelEn, List<String> columns,
                        List<Criterion> filters, String brainId, Long migrationId) {

    public SavedView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entity, "entity");
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public String label(String language) {
        return "en".equals(language) ? labelEn : labelFr;
    }
}
