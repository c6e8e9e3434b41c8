package fr.macrea.max.ui.action;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.ui.wallet.LiveBalance;
import fr.macrea.max.wallet.WalletWatch;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where every screen gets its action card: the one UI path to the action pipeline (quote, idempotency key per
 * intent, Auto double confirmation, balance after). A view injects this and never runs actions by itself.
 */
@Component
public class ActionCards {

    private final ActionService actions;
    private final WalletWatch watch;
    private final TenantContext tenants;

    ActionCards(ActionService actions, WalletWatch watch, TenantContext tenants) {
        this.actions = actions;
        this.watch = watch;
        this.tenants = tenants;
    }

    /**
     * A card for one action.
     *
     * @param params    read when the user confirms (the same parameters twice are the same intent: one charge)
     * @param onOutcome called after each run, with the pipeline's outcome
     */
    /**
     * A card whose confirmation goes through a feature service ({@code submit} gets the intent's idempotency key and
     * returns the pipeline's outcome), for actions on something the service stores first (a migration project).
     */
    public ActionCard<Void> submitting(String actionId, java.util.function.Function<String, ActionOutcome<?>> submit,
                                       Consumer<ActionOutcome<?>> onOutcome) {
        ActionCard<Void> card = create(actionId, () -> null, onOutcome);
        return card.submitThrough(submit);
    }

    public <P> ActionCard<P> create(String actionId, Supplier<P> params, Consumer<ActionOutcome<?>> onOutcome) {
        ActionCard<P> card = new ActionCard<>(actions, actionId, params, onOutcome);
        // the balance after follows the wallet, whoever spends (another tab, a colleague, a job)
        LiveBalance.follow(card, watch, tenants, card::balanceChanged);
        return card;
    }
}
