package fr.macrea.max.ui.reporting;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.action.ActionQuote;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletService;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/** {@link AiActions} over the wallet feature's action pipeline (quote, run, lead analysis). */
@Component
class WalletAiActions implements AiActions {

    private final ActionService actions;
    private final LeadAnalysisService analysis;
    private final PriceTableService prices;
    private final WalletService wallet;
    private final ModeService modes;

    WalletAiActions(ActionService actions, LeadAnalysisService analysis, PriceTableService prices, WalletService wallet,
                    ModeService modes) {
        this.actions = actions;
        this.analysis = analysis;
        this.prices = prices;
        this.wallet = wallet;
        this.modes = modes;
    }

    @Override
    public Quote quote(String actionId) {
        try {
            ActionQuote q = actions.quote(actionId);
            return new Quote(actionId, q.label(), q.mode().emoji() + " " + fr.macrea.max.shared.FrenchMessages.render(fr.macrea.max.shared.Message.of(q.mode().labelKey())), q.cost(), q.balance(),
                    q.balanceAfter(), q.effectMessage(), q.effect() != ActionQuote.Effect.BLOCKED);
        } catch (ActionRefusedException notRegistered) {
            // the action is priced but its feature is not installed on this instance: show the price, offer nothing
            int cost = prices.price(actionId);
            int balance = wallet.balance().total();
            var mode = modes.current();
            return new Quote(actionId, DefaultPrices.label(actionId), mode.emoji() + " " + fr.macrea.max.shared.FrenchMessages.render(fr.macrea.max.shared.Message.of(mode.labelKey())), cost, balance,
                    balance - cost, "Cette action n'est pas encore disponible sur cette instance.", false);
        }
    }

    @Override
    public String run(String actionId, Map<String, Object> params) {
        if (LeadAnalysisService.ACTION_ID.equals(actionId) && params.get("leadId") instanceof String leadId) {
            return analyseLead(leadId);
        }
        ActionOutcome<Object> outcome = actions.run(ActionRequest.of(actionId, params, UUID.randomUUID().toString()));
        return outcome.message();
    }

    @Override
    public String analyseLead(String leadId) {
        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead(leadId, UUID.randomUUID().toString());
        if (!outcome.completed() || outcome.result() == null) {
            return outcome.message();
        }
        LeadAnalysis a = outcome.result();
        return FrenchMessages.render(a.summary()) + (a.nextActions().isEmpty() ? "" : " Prochaines actions : "
                + a.nextActions().stream().map(FrenchMessages::render).collect(java.util.stream.Collectors.joining(" ; ")) + ".")
                + " (" + outcome.cost() + " jetons débités)";
    }
}
