package fr.macrea.max.ui.action;

import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.base.Toasts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ActionLogEntry;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.UndoConflict;
import fr.macrea.max.action.UndoResult;
import fr.macrea.max.action.UndoService;
import fr.macrea.max.security.Role;
import jakarta.annotation.security.RolesAllowed;

/**
 * The action log: who ran what, in which mode, for how many tokens, with which outcome and why; AI writes can be
 * undone (and refunded) for 24 h, asking first when a human changed the record since. Sends and calls are
 * irreversible.
 */
@Route("journal")
@Menu(order = 51, title = "nav.action-log")
@RolesAllowed(Role.USER)
public class ActionLogView extends VerticalLayout implements HasDynamicTitle {

    private final transient ActionService actions;
    private final transient UndoService undo;
    private final Grid<ActionLogEntry> grid = new Grid<>();

    public ActionLogView(ActionService actions, UndoService undo) {
        this.actions = actions;
        this.undo = undo;
        addClassName("action-log-view");
        grid.setId("action-log-grid");
        grid.addColumn(e -> Dates.dateTime(e.startedAt(), getLocale())).setHeader(getTranslation("log.when")).setAutoWidth(true);
        grid.addColumn(e -> Messages.text(this, e.label())).setHeader(getTranslation("log.action")).setAutoWidth(true);
        grid.addColumn(ActionLogEntry::userName).setHeader(getTranslation("log.who"));
        grid.addComponentColumn(e -> ModeIcons.badge(this, e.mode())).setKey("mode").setHeader(getTranslation("log.mode"));
        grid.addColumn(e -> Messages.text(this, e.summary())).setHeader(getTranslation("log.summary")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation("wallet.tokens", e.cost())).setHeader(getTranslation("log.cost"));
        grid.addColumn(e -> getTranslation("log.status." + e.status().name())).setHeader(getTranslation("log.status"));
        grid.addColumn(e -> e.durationMs() == null ? "" : e.durationMs() + " ms").setHeader(getTranslation("log.duration"));
        grid.addColumn(e -> e.reason() == null ? "" : Messages.text(this, e.reason())).setHeader(getTranslation("log.reason")).setFlexGrow(2);
        grid.addComponentColumn(this::undoCell).setKey("undo").setHeader("").setAutoWidth(true);
        add(new H2(getTranslation("nav.action-log")), grid);
        setSizeFull();
        refresh();
    }

    private Component undoCell(ActionLogEntry entry) {
        if (entry.kind() == ActionKind.SEND && entry.status() == fr.macrea.max.action.ActionStatus.COMPLETED) {
            Span irreversible = new Span(getTranslation("log.irreversible"));
            irreversible.addClassName("irreversible");
            return irreversible;
        }
        if (!entry.undoable()) {
            return new Span();
        }
        Button undo = new Button(getTranslation("log.undo"), e -> undo(entry, false));
        undo.setId("undo-" + entry.id());
        undo.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return undo;
    }

    private void undo(ActionLogEntry entry, boolean overwrite) {
        try {
            UndoResult result = undo.undo(entry.id(), overwrite);
            if (result.outcome() == UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION) {
                askOverwrite(entry, result);
                return;
            }
            getUI().ifPresent(ui -> Toasts.of(ui).told(entry.id())); // its "undone" event: not toasted again
            Notification.show(Messages.text(this, result.message()), 5000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ActionRefusedException refused) {
            Notification.show(Messages.text(this, refused), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void askOverwrite(ActionLogEntry entry, UndoResult result) {
        Dialog dialog = new Dialog();
        dialog.setId("undo-conflict-dialog");
        dialog.setHeaderTitle(getTranslation("log.conflict.title"));
        UnorderedList list = new UnorderedList();
        for (UndoConflict c : result.conflicts()) {
            list.add(new ListItem(getTranslation("log.conflict.field", c.field(), c.currentValue(), c.restoredValue())));
        }
        dialog.add(new Paragraph(Messages.text(this, result.message())), list);
        Button overwrite = new Button(getTranslation("log.conflict.overwrite"), e -> {
            dialog.close();
            undo(entry, true);
        });
        overwrite.setId("undo-overwrite");
        overwrite.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button(getTranslation("log.conflict.keep"), e -> dialog.close());
        keep.setId("undo-keep");
        dialog.getFooter().add(keep, overwrite);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(actions.log(200));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.action-log") + " — M.A.X.";
    }
}
