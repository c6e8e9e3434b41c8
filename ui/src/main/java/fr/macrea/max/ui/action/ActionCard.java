package fr.macrea.max.ui.action;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionQuote;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.ui.wallet.BalanceChanged;
import fr.macrea.max.ui.wallet.Money;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The card every screen puts in front of an action: mode, estimated cost and its euro value, balance after, what
 * confirming will do, and the confirm button; in Auto, writes need a second, explicit confirmation. One
 * idempotency key per intent: a double click replays, it never charges twice.
 *
 * @param <P> the action's parameters, read when the user confirms
 */
public class ActionCard<P> extends Div {

    private final transient ActionService actions;
    private final String actionId;
    private final transient Supplier<P> params;
    private final transient Consumer<ActionOutcome<?>> onOutcome;
    private final Span mode = new Span();
    private final Span cost = new Span();
    private final Span balanceAfter = new Span();
    private final Span effect = new Span();
    private final Button confirm = new Button();
    private final Button confirmAgain = new Button();
    private final Button cancel = new Button();
    private final H4 title = new H4();
    private boolean untrustedInput;
    private String intentKey = newKey();
    private ActionQuote quote;
    private Registration modeListener;

    public ActionCard(ActionService actions, String actionId, Supplier<P> params, Consumer<ActionOutcome<?>> onOutcome) {
        this.actions = actions;
        this.actionId = actionId;
        this.params = params;
        this.onOutcome = onOutcome;
        addClassName("action-card");
        setId("action-card-" + actionId.replace('.', '-'));
        mode.addClassName("action-card-mode");
        mode.setId("action-card-mode");
        cost.setId("action-card-cost");
        balanceAfter.setId("action-card-balance-after");
        effect.setId("action-card-effect");
        effect.addClassName("action-card-effect");
        confirm.setId("action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> firstConfirmation());
        confirmAgain.setId("action-confirm-again");
        confirmAgain.setText(getTranslation("action.card.confirm-again"));
        confirmAgain.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirmAgain.addClickListener(e -> run(true));
        confirmAgain.setVisible(false);
        cancel.setId("action-cancel");
        cancel.setText(getTranslation("action.card.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> reset());
        cancel.setVisible(false);
        Div facts = new Div(mode, cost, balanceAfter);
        facts.addClassName("action-card-facts");
        add(title, facts, effect, new HorizontalLayout(confirm, confirmAgain, cancel));
        refresh();
    }

    /** Untrusted text (lead notes, inbound messages...) is part of this action: Auto writes become drafts. */
    public ActionCard<P> setUntrustedInput(boolean untrustedInput) {
        this.untrustedInput = untrustedInput;
        return this;
    }

    public ActionQuote quote() {
        return quote;
    }

    /** Re-quotes (mode, price or balance may have changed) and starts a new intent. */
    public void refresh() {
        quote = actions.quote(actionId);
        title.setText(quote.label());
        mode.setText(quote.mode().emoji() + " " + getTranslation("mode." + quote.mode().name()));
        cost.setText(getTranslation("action.card.cost", quote.cost(), Money.euros(quote.costEur())));
        balanceAfter.setText(getTranslation("action.card.balance-after", quote.balanceAfter(),
                Money.euros(quote.balanceAfterEur())));
        balanceAfter.getElement().getClassList().set("negative", quote.balanceAfter() < 0);
        effect.setText(quote.lockedMessage() != null ? "🔒 " + quote.lockedMessage() : quote.effectMessage());
        confirm.setText(getTranslation(switch (quote.effect()) {
            case DRAFT -> "action.card.confirm-draft";
            case RUN_AFTER_DOUBLE_CONFIRMATION -> "action.card.confirm-auto";
            default -> "action.card.confirm";
        }));
        confirm.setEnabled(quote.effect() != ActionQuote.Effect.BLOCKED);
        getElement().getClassList().set("locked", quote.lockedMessage() != null);
        reset();
    }

    private void reset() {
        confirm.setVisible(true);
        confirmAgain.setVisible(false);
        cancel.setVisible(false);
    }

    private void firstConfirmation() {
        if (quote.effect() == ActionQuote.Effect.RUN_AFTER_DOUBLE_CONFIRMATION) {
            // Auto: nothing runs on the first click; the user must confirm again, explicitly
            effect.setText(getTranslation(quote.kind().irreversible() ? "action.card.second-irreversible"
                    : "action.card.second", quote.cost()));
            confirm.setVisible(false);
            confirmAgain.setVisible(true);
            cancel.setVisible(true);
            return;
        }
        run(false);
    }

    private void run(boolean doubleConfirmed) {
        ActionRequest<P> request = ActionRequest.of(actionId, params.get(), intentKey);
        if (doubleConfirmed) {
            request = request.withDoubleConfirmation();
        }
        if (untrustedInput) {
            request = request.withUntrustedInput();
        }
        try {
            ActionOutcome<?> outcome = actions.run(request);
            Notification n = Notification.show(outcome.message(), 5000, Notification.Position.BOTTOM_END);
            n.addThemeVariants(outcome.status() == ActionStatus.COMPLETED ? NotificationVariant.LUMO_SUCCESS
                    : outcome.status() == ActionStatus.DRAFTED ? NotificationVariant.LUMO_CONTRAST
                    : NotificationVariant.LUMO_ERROR);
            intentKey = newKey();
            getUI().ifPresent(BalanceChanged::fire);
            onOutcome.accept(outcome);
        } catch (ActionRefusedException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        modeListener = ComponentUtil.addListener(event.getUI(), ModeChanged.class, e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (modeListener != null) {
            modeListener.remove();
        }
    }

    private static String newKey() {
        return "ui-" + UUID.randomUUID();
    }
}
