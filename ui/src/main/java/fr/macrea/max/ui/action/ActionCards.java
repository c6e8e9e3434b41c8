package fr.macrea.max.ui.action;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionService;
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

    ActionCards(ActionService actions) {
        this.actions = actions;
    }

    /**
     * A card for one action.
     *
     * @param params    read when the user confirms (the same parameters twice are the same intent: one charge)
     * @param onOutcome called after each run, with the pipeline's outcome
     */
    public <P> ActionCard<P> create(String actionId, Supplier<P> params, Consumer<ActionOutcome<?>> onOutcome) {
        return new ActionCard<>(actions, actionId, params, onOutcome);
    }
}
