package fr.macrea.max.ui.action;

import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.base.Toasts;

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
import fr.macrea.max.shared.Message;
import fr.macrea.max.ui.wallet.Money;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The only action card: every screen puts it in front of an action (get one from {@link ActionCards}). It shows the
 * mode, estimated cost and its euro value, balance after, what confirming will do, and the confirm button; in Auto,
 * writes need a second, explicit confirmation. One idempotency key per intent: the same parameters confirmed again
 * (a double click) reuse the key, so the pipeline replays the first outcome and never charges twice. A new intent
 * starts when the parameters change, the mode changes, or the last request was refused or failed (nothing charged).
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
    private boolean quotedOnParams;
    private String intentKey;
    private transient Object intentParams;
    private transient Function<ActionQuote, String> confirmLabel;
    private ActionQuote quote;
    private Registration modeListener;
    private transient Function<String, ActionOutcome<?>> submit;

    ActionCard(ActionService actions, String actionId, Supplier<P> params, Consumer<ActionOutcome<?>> onOutcome) {
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
        refresh(); // the quote changes too: the card must say what confirming will do
        return this;
    }

    /**
     * The action is priced per unit of its parameters (a send per started 100 recipients): the card quotes
     * {@code price × units} of the current parameters (and re-quotes on {@link #refresh()}).
     */
    public ActionCard<P> setQuotedOnParams(boolean quotedOnParams) {
        this.quotedOnParams = quotedOnParams;
        refresh();
        return this;
    }

    /** The confirm button's text when the action runs at once (e.g. "Analyser avec M.A.X. (2 jetons)"). */
    public ActionCard<P> setConfirmLabel(Function<ActionQuote, String> label) {
        this.confirmLabel = label;
        refresh();
        return this;
    }

    /**
     * A feature service that stores what the action works on before running it through the pipeline (a migration
     * project) submits instead of the card: it gets the intent's idempotency key and returns the pipeline's outcome.
     */
    ActionCard<P> submitThrough(Function<String, ActionOutcome<?>> submit) {
        this.submit = submit;
        return this;
    }

    public ActionQuote quote() {
        return quote;
    }

    /** Re-quotes (mode, price or balance may have changed); the current intent and its key stay. */
    public void refresh() {
        reset();
        requote();
    }

    /**
     * The balance moved (a spend elsewhere): new quote and balance after, the card's state kept (an Auto card
     * waiting for its second confirmation keeps waiting).
     */
    void balanceChanged() {
        requote();
    }

    private void requote() {
        P current = quotedOnParams ? params.get() : null;
        quote = current != null ? actions.quote(actionId, untrustedInput, current) : actions.quote(actionId, untrustedInput);
        title.setText(Messages.text(this, quote.label()));
        mode.setText(ModeIcons.word(this, quote.mode()));
        mode.addComponentAsFirst(ModeIcons.icon(quote.mode()));
        cost.setText(getTranslation("action.card.cost", quote.cost(), Money.euros(quote.costEur())));
        // never a negative "after": the hard stop says what is missing, and the effect line what unlocks it
        balanceAfter.setText(quote.affordable()
                ? getTranslation("action.card.balance-after", quote.balanceAfter(), Money.euros(quote.balanceAfterEur()))
                : getTranslation("action.card.balance-short", -quote.balanceAfter(), quote.balance()));
        balanceAfter.getElement().getClassList().set("negative", !quote.affordable());
        if (!confirmAgain.isVisible()) {
            effect.setText(quote.lockedMessage() != null ? Messages.text(this, quote.lockedMessage())
                    : Messages.text(this, quote.effectMessage()));
            if (quote.lockedMessage() != null) { // Vaadin's lock icon: the emoji was an empty box without an emoji font
                effect.addComponentAsFirst(com.vaadin.flow.component.icon.VaadinIcon.LOCK.create());
            }
        }
        confirm.setText(switch (quote.effect()) {
            case DRAFT -> getTranslation("action.card.confirm-draft");
            case RUN_AFTER_DOUBLE_CONFIRMATION -> getTranslation("action.card.confirm-auto");
            default -> confirmLabel != null ? confirmLabel.apply(quote) : getTranslation("action.card.confirm");
        });
        boolean blocked = quote.effect() == ActionQuote.Effect.BLOCKED;
        confirm.setEnabled(!blocked);
        // a disabled button says why, where the pointer is
        Message why = quote.lockedMessage() != null ? quote.lockedMessage() : quote.effectMessage();
        confirm.setTooltipText(blocked && why != null ? Messages.text(this, why) : null);
        getElement().getClassList().set("locked", quote.lockedMessage() != null);
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

    /** Starts a new intent: the next confirmation gets a new idempotency key. */
    public void newIntent() {
        intentKey = null;
        intentParams = null;
    }

    private void run(boolean doubleConfirmed) {
        P current = params.get();
        if (intentKey == null || !Objects.equals(current, intentParams)) {
            intentKey = newKey();
            intentParams = current;
        }
        ActionRequest<P> request = ActionRequest.of(actionId, current, intentKey);
        if (doubleConfirmed) {
            request = request.withDoubleConfirmation();
        }
        if (untrustedInput) {
            request = request.withUntrustedInput();
        }
        try {
            ActionOutcome<?> outcome = submit != null ? submit.apply(intentKey) : actions.run(request);
            Notification n = Notification.show(Messages.text(this, outcome.message()), 5000, Notification.Position.BOTTOM_END);
            getUI().ifPresent(ui -> Toasts.of(ui).told(outcome.actionLogId())); // the bell will not repeat it
            n.addThemeVariants(outcome.status() == ActionStatus.COMPLETED ? NotificationVariant.LUMO_SUCCESS
                    : outcome.status() == ActionStatus.DRAFTED ? NotificationVariant.LUMO_CONTRAST
                    : NotificationVariant.LUMO_ERROR);
            if (outcome.status() == ActionStatus.REFUSED || outcome.status() == ActionStatus.FAILED) {
                newIntent(); // nothing was charged: trying again (after a top-up, a fix) is a new request
            }
            onOutcome.accept(outcome);
        } catch (ActionRefusedException refused) {
            Notification.show(Messages.text(this, refused), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        modeListener = ComponentUtil.addListener(event.getUI(), ModeChanged.class, e -> {
            newIntent(); // a request of the old mode must not be replayed in the new one
            refresh();
        });
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
