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
    public <P> ActionCard<P> create(String actionId, Supplier<P> params, Consumer<ActionOutcome<?>> onOutcome) {
        ActionCard<P> card = new ActionCard<>(actions, actionId, params, onOutcome);
        // the balance after follows the wallet, whoever spends (another tab, a colleague, a job)
        LiveBalance.follow(card, watch, tenants, card::balanceChanged);
        return card;
    }
}
