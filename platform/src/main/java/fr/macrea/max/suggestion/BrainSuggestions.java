package fr.macrea.max.suggestion;

import fr.macrea.max.shared.Message;

import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.kpi.KpiException;
import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.SuggestionRoutine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The suggestion routines of the tenant's active brains: a routine shows when at least {@code minimum} records meet
 * its criteria (counted by the platform, never SQL from the brain), with the action it proposes.
 */
@Component
@Order(10)
class BrainSuggestions implements SuggestionSource {

    private static final Logger LOG = LoggerFactory.getLogger(BrainSuggestions.class);

    private final BrainCatalog catalog;
    private final KpiService kpis;

    BrainSuggestions(BrainCatalog catalog, KpiService kpis) {
        this.catalog = catalog;
        this.kpis = kpis;
    }

    @Override
    public List<Suggestion> suggestions() {
        List<Suggestion> out = new ArrayList<>();
        for (Contributed<SuggestionRoutine> c : catalog.suggestions()) {
            SuggestionRoutine routine = c.item();
            int count;
            try {
                count = kpis.countMatching(routine.entity(), routine.conditions());
            } catch (KpiException | DataAccessException e) {
                LOG.info("Suggestion routine {} not evaluable: {}", c.key(), e.getMessage());
                continue;
            }
            if (count < Math.max(1, routine.minimum())) {
                continue;
            }
            SuggestionRoutine.ProposedAction action = routine.action();
            // the brain's own text in both languages, its {count} filled in; the UI picks the user's language
            Label text = Label.of(routine.text().fr().replace("{count}", String.valueOf(count)),
                    routine.text().en().replace("{count}", String.valueOf(count)));
            out.add(new Suggestion(c.key(), Message.of("suggestion.brain.title", text),
                    Message.of("suggestion.brain.detail", action.label(), c.brainName()),
                    count, actionId(action.kind()), Map.of("brain", c.brainId(), "routine", routine.id(),
                    "reference", action.reference(), "mode", action.mode().name()), c.brainName()));
        }
        return out;
    }

    /** The action pipeline's action for what a routine proposes. */
    static String actionId(SuggestionRoutine.ProposedAction.Kind kind) {
        return switch (kind) {
            case ANALYSE_LEADS -> "lead.analysis";
            case RUN_SCENARIO -> "automation.n8n";
            case DRAFT_MESSAGE -> "newsletter.create";
            case CREATE_TASKS -> "automation.follow-up";
        };
    }
}
