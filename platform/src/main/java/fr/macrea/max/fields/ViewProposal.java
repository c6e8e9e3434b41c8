package fr.macrea.max.fields;

import fr.macrea.max.plugins.api.Criterion;

import java.util.List;

/** A recommended list view of the plan, saved as a filter of the CRM tab when the project is applied. */
public record ViewProposal(String id, String labelFr, String labelEn, String entity, List<String> columns,
                           List<Criterion> filters) {

    public ViewProposal {
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public String label(String language) {
        return "en".equals(language) ? labelEn : labelFr;
    }
}
