package fr.macrea.max.ui.reporting;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.Map;

/**
 * The action card opened by "Créer une action IA": what the action is, the current mode, its cost and the balance
 * after, prefilled from a suggestion; confirming runs it through the action pipeline.
 */
public class AiActionCard extends Dialog {

    public AiActionCard(AiActions actions, String actionId, Map<String, Object> params, String context) {
        setId("ai-action-card");
        AiActions.Quote quote = actions.quote(actionId);
        setHeaderTitle(quote.label());
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        if (context != null) {
            Paragraph why = new Paragraph(context);
            why.setId("ai-action-context");
            body.add(why);
        }
        Span mode = new Span(getTranslation("reporting.card.mode", quote.mode()));
        mode.setId("ai-action-mode");
        Span cost = new Span(getTranslation("reporting.card.cost", quote.cost()));
        cost.setId("ai-action-cost");
        Span after = new Span(getTranslation("reporting.card.balance-after", quote.balanceAfter(), quote.balance()));
        after.setId("ai-action-balance-after");
        Paragraph effect = new Paragraph(quote.message());
        effect.setId("ai-action-effect");
        body.add(mode, cost, after, effect);
        add(body);
        Button confirm = new Button(getTranslation("reporting.card.confirm"), e -> {
            String outcome;
            try {
                outcome = actions.run(actionId, params);
            } catch (RuntimeException ex) {
                outcome = ex.getMessage() == null ? getTranslation("reporting.card.failed") : ex.getMessage();
            }
            Notification.show(outcome, 5000, Notification.Position.BOTTOM_END);
            close();
        });
        confirm.setId("ai-action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(quote.allowed());
        Button cancel = new Button(getTranslation("reporting.card.cancel"), e -> close());
        cancel.setId("ai-action-cancel");
        getFooter().add(cancel, confirm);
    }
}
