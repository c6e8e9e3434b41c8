package fr.macrea.max.suggestion;

import fr.macrea.max.shared.Message;

import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.kpi.KpiException;
import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.SuggestionRoutine;
import fr.macrea.max.wallet.DefaultPrices;
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
        List<Contributed<CreativeTemplate>> templates = catalog.templates();
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
                    count, actionId(c.brainId(), action, templates), Map.of("brain", c.brainId(), "routine", routine.id(),
                    "reference", action.reference(), "mode", action.mode().name()), c.brainName()));
        }
        return out;
    }

    /**
     * The action pipeline's action (and so the price) for what a routine proposes. A message draft is priced by the
     * channel of the template it names: a WhatsApp message is not a newsletter.
     */
    static String actionId(String brainId, SuggestionRoutine.ProposedAction action,
                           List<Contributed<CreativeTemplate>> templates) {
        return switch (action.kind()) {
            case ANALYSE_LEADS -> DefaultPrices.LEAD_ANALYSIS;
            case RUN_SCENARIO -> DefaultPrices.N8N_AUTOMATION;
            case DRAFT_MESSAGE -> switch (channel(brainId, action.reference(), templates)) {
                case WHATSAPP -> DefaultPrices.WHATSAPP;
                case CALL_SCRIPT -> DefaultPrices.AI_CALL;
                case null, default -> DefaultPrices.NEWSLETTER;
            };
            case CREATE_TASKS -> DefaultPrices.AUTO_FOLLOW_UP;
        };
    }

    /** The channel of the brain's template with that id, or null when the brain has no such template. */
    private static Channel channel(String brainId, String templateId, List<Contributed<CreativeTemplate>> templates) {
        return templates.stream().filter(t -> t.brainId().equals(brainId) && t.item().id().equals(templateId))
                .map(t -> t.item().channel()).findFirst().orElse(null);
    }
}
