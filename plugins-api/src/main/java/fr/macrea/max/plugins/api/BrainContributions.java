package fr.macrea.max.plugins.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything a brain contributes, as immutable data.
 *
 * @param name the brain's display name, FR/EN (e.g. "Logistique")
 * @param description one sentence, FR/EN
 * @param fieldPlan the "fiche métier" (empty for the universal brain)
 * @param templates creative templates
 * @param kpis KPI definitions
 * @param scenarios automation scenarios
 * @param suggestions suggestion routines
 * @since 1.0
 */
public record BrainContributions(Label name, Label description, FieldPlan fieldPlan, List<CreativeTemplate> templates,
                                 List<KpiDefinition> kpis, List<Scenario> scenarios,
                                 List<SuggestionRoutine> suggestions) {

    public BrainContributions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fieldPlan, "fieldPlan");
        templates = List.copyOf(templates);
        kpis = List.copyOf(kpis);
        scenarios = List.copyOf(scenarios);
        suggestions = List.copyOf(suggestions);
    }
}
