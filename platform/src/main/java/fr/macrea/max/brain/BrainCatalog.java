package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.plugins.api.SuggestionRoutine;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contributions of the brains active for the current tenant (activated, allowed by its plan, loaded, not
 * disabled): the catalogues that Créa, Automatisation, Reporting, suggestions and Fields Rebuild read. Computed on
 * every call from the activation table and the loaded snapshots, so a deactivation or an unloaded jar shows at once.
 */
@Service
public class BrainCatalog {

    private final BrainActivationService activations;
    private final BrainManager brains;

    BrainCatalog(BrainActivationService activations, BrainManager brains) {
        this.activations = activations;
        this.brains = brains;
    }

    public List<LoadedBrain> activeBrains() {
        return activations.activeForCurrentTenant();
    }

    public List<Contributed<CreativeTemplate>> templates() {
        return collect(b -> b.contributions().templates(), CreativeTemplate::id);
    }

    public List<Contributed<KpiDefinition>> kpis() {
        return collect(b -> b.contributions().kpis(), KpiDefinition::id);
    }

    public List<Contributed<Scenario>> scenarios() {
        return collect(b -> b.contributions().scenarios(), Scenario::id);
    }

    public List<Contributed<SuggestionRoutine>> suggestions() {
        return collect(b -> b.contributions().suggestions(), SuggestionRoutine::id);
    }

    /** The field plans of the active vertical brains (the universal brain has none). */
    public List<Contributed<FieldPlan>> fieldPlans() {
        return activeBrains().stream()
                .filter(b -> !b.contributions().fieldPlan().entities().isEmpty())
                .map(b -> new Contributed<>(b.id(), b.contributions().name().fr(), b.id(), b.contributions().fieldPlan()))
                .toList();
    }

    /**
     * The field plans of every vertical brain loaded on this instance, whether or not the tenant may use them: what
     * a tenant without the Fiche métier right is shown, locked, with the plan that unlocks it.
     */
    public List<Contributed<FieldPlan>> offeredFieldPlans() {
        return brains.available().stream()
                .filter(b -> !b.contributions().fieldPlan().entities().isEmpty())
                .map(b -> new Contributed<>(b.id(), b.contributions().name().fr(), b.id(), b.contributions().fieldPlan()))
                .toList();
    }

    /** A template by its key ({@code <brain>:<id>}), if its brain is active for the tenant. */
    public Optional<Contributed<CreativeTemplate>> template(String key) {
        return templates().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public Optional<Contributed<Scenario>> scenario(String key) {
        return scenarios().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private <T> List<Contributed<T>> collect(Function<LoadedBrain, List<T>> items, Function<T, String> id) {
        return activeBrains().stream()
                .flatMap(b -> items.apply(b).stream()
                        .map(item -> new Contributed<>(b.id(), b.contributions().name().fr(), id.apply(item), item)))
                .toList();
    }
}
