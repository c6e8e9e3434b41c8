package fr.macrea.max.ui.reporting;

import fr.macrea.max.ui.base.Messages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.suggestion.Suggestion;
import fr.macrea.max.ui.action.ActionCard;
import fr.macrea.max.ui.action.ActionCards;

import java.util.Map;

/**
 * "Créer une action IA" on a suggestion: the action card, prefilled from the suggestion, in a dialog that stays open
 * after the run to show its outcome. The card is the one of every screen, so its idempotency key covers the
 * dialog's lifetime: confirming twice charges once.
 */
class SuggestionDialog extends Dialog {

    SuggestionDialog(ActionCards cards, Suggestion suggestion) {
        setId("suggestion-dialog");
        setHeaderTitle(Messages.text(this, suggestion.title()));
        Paragraph why = new Paragraph(Messages.text(this, suggestion.detail()));
        why.setId("suggestion-context");
        Paragraph outcome = new Paragraph();
        outcome.setId("suggestion-outcome");
        ActionCard<Map<String, Object>> card = cards.create(suggestion.actionId(), suggestion::actionParams,
                o -> outcome.setText(text(o)));
        add(why, card, outcome);
        Button close = new Button(getTranslation("reporting.card.close"), e -> close());
        close.setId("suggestion-close");
        getFooter().add(close);
    }

    private String text(ActionOutcome<?> outcome) {
        String message = Messages.text(this, outcome.message());
        return outcome.result() instanceof LeadAnalysis analysis
                ? Messages.text(this, analysis.summary()) + " " + message : message;
    }
}
