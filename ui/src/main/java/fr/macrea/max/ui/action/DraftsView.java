package fr.macrea.max.ui.action;

import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.base.Toasts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Draft;
import fr.macrea.max.security.Role;
import fr.macrea.max.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;


/** The drafts inbox: what M.A.X. prepared in Assisté mode, waiting for a tenant admin to validate or reject. */
@Route("brouillons")
@Menu(order = 50, title = "nav.drafts")
@RolesAllowed(Role.USER)
public class DraftsView extends VerticalLayout implements HasDynamicTitle {


    private final transient ActionService actions;
    private final boolean admin;
    private final Grid<Draft> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    public DraftsView(ActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.admin = currentUser.isTenantAdmin();
        addClassName("drafts-view");
        grid.setId("drafts-grid");
        grid.addColumn(d -> Dates.dateTime(d.createdAt(), getLocale())).setHeader(getTranslation("drafts.when")).setAutoWidth(true);
        grid.addColumn(d -> Messages.text(this, d.label())).setHeader(getTranslation("drafts.action")).setAutoWidth(true);
        grid.addColumn(d -> Messages.text(this, d.summary())).setHeader(getTranslation("drafts.summary")).setFlexGrow(2);
        grid.addColumn(d -> getTranslation("wallet.tokens", d.quotedCost())).setHeader(getTranslation("drafts.cost"));
        grid.addColumn(Draft::createdBy).setHeader(getTranslation("drafts.author"));
        grid.addColumn(d -> d.reason() == null ? "" : Messages.text(this, d.reason())).setHeader(getTranslation("drafts.reason")).setFlexGrow(2);
        grid.addComponentColumn(this::buttons).setKey("decision").setHeader(getTranslation("drafts.decision")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("drafts.empty"));
        empty.setId("drafts-empty");
        Paragraph help = new Paragraph(getTranslation(admin ? "drafts.help.admin" : "drafts.help.user"));
        add(new H2(getTranslation("nav.drafts")), help, empty, grid);
        refresh();
    }

    private HorizontalLayout buttons(Draft draft) {
        Button validate = new Button(getTranslation("drafts.validate"), e -> validate(draft));
        validate.setId("validate-" + draft.id());
        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button reject = new Button(getTranslation("drafts.reject"), e -> reject(draft));
        reject.setId("reject-" + draft.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        validate.setEnabled(admin);
        reject.setEnabled(admin);
        return new HorizontalLayout(validate, reject);
    }

    private void validate(Draft draft) {
        try {
            ActionOutcome<Object> outcome = actions.validateDraft(draft.id());
            getUI().ifPresent(ui -> Toasts.of(ui).told(outcome.actionLogId())); // the bell will not repeat it
            Notification.show(Messages.text(this, outcome.message()), 5000, Notification.Position.BOTTOM_END).addThemeVariants(
                    outcome.status() == ActionStatus.COMPLETED ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        } catch (ActionRefusedException refused) {
            Notification.show(Messages.text(this, refused), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void reject(Draft draft) {
        try {
            actions.rejectDraft(draft.id());
            Notification.show(getTranslation("drafts.rejected"), 3000, Notification.Position.BOTTOM_END);
        } catch (ActionRefusedException refused) {
            Notification.show(Messages.text(this, refused), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        var drafts = actions.drafts();
        grid.setItems(drafts);
        grid.setVisible(!drafts.isEmpty());
        empty.setVisible(drafts.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.drafts") + " — M.A.X.";
    }
}
