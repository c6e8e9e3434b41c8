package fr.macrea.max.plugins.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything a brain contributes, as immutable data.
 * <p>
 * Brains create it with {@link #builder}; the canonical constructor is not part of the brain-facing contract (it
 * gains a parameter whenever a component is added in a minor release), the accessors are.
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

    /** Starts contributions with the two required members; everything else defaults to empty. */
    public static Builder builder(Label name, Label description) {
        return new Builder(name, description);
    }

    /**
     * Builds {@link BrainContributions}. Methods are only ever added (a later 2.x adds one per new optional member),
     * so a brain compiled against an older 2.x keeps linking.
     *
     * @since 2.0
     */
    public static final class Builder {
        private final Label name;
        private final Label description;
        private FieldPlan fieldPlan = FieldPlan.empty();
        private List<CreativeTemplate> templates = List.of();
        private List<KpiDefinition> kpis = List.of();
        private List<Scenario> scenarios = List.of();
        private List<SuggestionRoutine> suggestions = List.of();

        private Builder(Label name, Label description) {
            this.name = name;
            this.description = description;
        }

        public Builder fieldPlan(FieldPlan fieldPlan) {
            this.fieldPlan = fieldPlan;
            return this;
        }

        public Builder templates(List<CreativeTemplate> templates) {
            this.templates = templates;
            return this;
        }

        public Builder kpis(List<KpiDefinition> kpis) {
            this.kpis = kpis;
            return this;
        }

        public Builder scenarios(List<Scenario> scenarios) {
            this.scenarios = scenarios;
            return this;
        }

        public Builder suggestions(List<SuggestionRoutine> suggestions) {
            this.suggestions = suggestions;
            return this;
        }

        public BrainContributions build() {
            return new BrainContributions(name, description, fieldPlan, templates, kpis, scenarios, suggestions);
        }
    }
}
