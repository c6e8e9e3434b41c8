package fr.macrea.max.ui.fields;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.fields.FieldPlanChoice;
import fr.macrea.max.fields.FieldsException;
import fr.macrea.max.fields.FieldsRebuildService;
import fr.macrea.max.fields.MigrationProject;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.ui.action.ActionCard;
import fr.macrea.max.ui.action.ActionCards;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.wallet.DefaultPrices;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * "Fiche métier" (SPEC §8), for tenant admins: pick an active brain's field plan, see it compared with the CRM as a
 * migration project, propose it (the action card: a draft, whatever the mode), validate it with a second
 * confirmation naming the number of fields, follow its steps, and undo it from the history.
 */
@Route("fiche-metier")
@Menu(order = 47, title = "nav.fields")
@RolesAllowed(Role.ADMIN)
public class FieldsRebuildView extends VerticalLayout implements HasDynamicTitle {

    private final transient FieldsRebuildService fields;
    private final Select<FieldPlanChoice> plans = new Select<>();
    private final Paragraph locked = new Paragraph();
    private final ProjectPanel project = new ProjectPanel();
    private final ApplyPanel apply;
    private final MigrationHistory history;
    private final ActionCard<Void> card;

    public FieldsRebuildView(FieldsRebuildService fields, ActionCards cards) {
        this.fields = fields;
        addClassName("fields-view");
        this.apply = new ApplyPanel(fields, this::showStored);
        this.history = new MigrationHistory(fields, this::showStored, this::refreshHistory);
        this.card = cards.submitting(DefaultPrices.FIELDS_REBUILD, this::propose, this::proposed);
        card.setConfirmLabel(q -> getTranslation("fields.screen.propose"));
        List<FieldPlanChoice> choices = fields.plans();
        plans.setId("fields-plan");
        plans.setLabel(getTranslation("fields.screen.plan"));
        plans.setWidth("22em");
        plans.setItems(choices);
        plans.setItemLabelGenerator(c -> getTranslation("fields.screen.plan.item", c.brainName(), c.fieldCount()));
        plans.addValueChangeListener(e -> preview(e.getValue()));
        locked.setId("fields-locked");
        locked.addClassName("fields-locked");
        locked.setVisible(false);
        Paragraph help = new Paragraph(getTranslation("fields.screen.help"));
        Paragraph none = new Paragraph(getTranslation("fields.screen.no-plan"));
        none.setId("fields-no-plan");
        none.setVisible(choices.isEmpty());
        card.setVisible(false);
        add(new H2(getTranslation("nav.fields")), help, none, plans, locked, project, card, apply,
                new H3(getTranslation("fields.screen.history")), history);
        if (!choices.isEmpty()) {
            plans.setValue(choices.getFirst());
        }
    }

    /** The plan against the live schema, stored nowhere and free. */
    private void preview(FieldPlanChoice choice) {
        apply.setVisible(false);
        card.newIntent();
        if (choice == null) {
            project.setVisible(false);
            card.setVisible(false);
            return;
        }
        locked.setVisible(!choice.applicable());
        if (!choice.applicable()) {
            locked.setText(getTranslation("fields.screen.locked", Messages.text(this, choice.locked())));
        }
        try {
            project.show(fields.preview(choice.brainId()));
            card.setVisible(choice.applicable());
            card.refresh();
        } catch (FieldsException refused) {
            project.setVisible(false);
            card.setVisible(false);
            String reasons = String.join(" ; ", refused.reasons().stream().map(m -> Messages.text(this, m)).toList());
            Notification.show(Messages.text(this, refused) + " " + reasons, 10000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (LocalizedException e) {
            Notification.show(Messages.text(this, e), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private ActionOutcome<?> propose(String idempotencyKey) {
        FieldPlanChoice choice = plans.getValue();
        return fields.propose(choice.brainId(), idempotencyKey);
    }

    private void proposed(ActionOutcome<?> outcome) {
        if (outcome.result() instanceof MigrationProject stored) {
            showStored(stored);
        }
    }

    /** A stored project: its diff as frozen, its steps' states, and the validation panel while it is a draft. */
    private void showStored(MigrationProject stored) {
        project.show(stored);
        apply.show(stored);
        card.setVisible(false);
        refreshHistory();
    }

    private void refreshHistory() {
        history.refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.fields") + " — M.A.X.";
    }
}
