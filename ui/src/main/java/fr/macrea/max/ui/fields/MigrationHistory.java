package fr.macrea.max.ui.fields;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fr.macrea.max.action.UndoResult;
import fr.macrea.max.fields.FieldsRebuildService;
import fr.macrea.max.fields.MigrationProject;
import fr.macrea.max.fields.MigrationStatus;
import fr.macrea.max.fields.UndoCheck;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The tenant's migration projects, newest first, with "Annuler la migration" for applied ones (asked again, with
 * what would be lost, when data was written to the new fields since) and the CSV of the values an undo removed.
 */
class MigrationHistory extends Grid<MigrationProject> {

    private final transient FieldsRebuildService fields;
    private final transient Consumer<MigrationProject> onOpen;
    private final transient Runnable onChange;

    MigrationHistory(FieldsRebuildService fields, Consumer<MigrationProject> onOpen, Runnable onChange) {
        this.fields = fields;
        this.onOpen = onOpen;
        this.onChange = onChange;
        setId("fields-history");
        addColumn(p -> Dates.dateTime(p.createdAt(), getLocale())).setHeader(getTranslation("fields.screen.col.when"))
                .setAutoWidth(true);
        addColumn(MigrationProject::brainName).setHeader(getTranslation("fields.screen.col.brain")).setAutoWidth(true);
        addColumn(p -> Messages.text(this, Message.of(p.status().labelKey()))).setHeader(getTranslation("fields.screen.col.status"))
                .setAutoWidth(true);
        addColumn(p -> p.fieldsToAdd().size()).setHeader(getTranslation("fields.screen.col.fields")).setAutoWidth(true);
        addColumn(MigrationProject::createdBy).setHeader(getTranslation("fields.screen.col.by")).setAutoWidth(true);
        addComponentColumn(this::actions).setHeader(getTranslation("fields.screen.col.actions")).setAutoWidth(true)
                .setKey("actions");
        setAllRowsVisible(true);
        refresh();
    }

    void refresh() {
        setItems(fields.history());
    }

    private HorizontalLayout actions(MigrationProject p) {
        HorizontalLayout box = new HorizontalLayout();
        Button open = new Button(getTranslation("fields.screen.open"), e -> onOpen.accept(p));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.setId("fields-open-" + p.id());
        box.add(open);
        if (p.status() == MigrationStatus.APPLIED) {
            Button undo = new Button(getTranslation("fields.screen.undo"), e -> askUndo(p));
            undo.setId("fields-undo-" + p.id());
            undo.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            box.add(undo);
        }
        if (p.status() == MigrationStatus.UNDONE) {
            fields.backupCsv(p.id()).ifPresent(csv -> {
                byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
                Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes), "sauvegarde-migration-" + p.id() + ".csv", "text/csv",
                        bytes.length)), getTranslation("fields.screen.backup"));
                download.setId("fields-backup-" + p.id());
                box.add(download);
            });
        }
        return box;
    }

    /** Always asked: what undoing drops, and the values it would remove (kept as a CSV). */
    private void askUndo(MigrationProject p) {
        UndoCheck check = fields.undoCheck(p.id());
        Dialog dialog = new Dialog();
        dialog.setId("fields-undo-dialog");
        dialog.setHeaderTitle(getTranslation("fields.screen.undo.title", p.brainName()));
        dialog.add(new Paragraph(check.dataWritten()
                ? getTranslation("fields.screen.undo.data", p.fieldsToAdd().size(), check.filledRecords())
                : getTranslation("fields.screen.undo.clean", p.fieldsToAdd().size())));
        Button confirm = new Button(getTranslation("fields.screen.undo.confirm"), e -> {
            dialog.close();
            undo(p, check.dataWritten());
        });
        confirm.setId("fields-undo-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button(getTranslation("fields.screen.undo.keep"), e -> dialog.close());
        keep.setId("fields-undo-keep");
        dialog.getFooter().add(keep, confirm);
        dialog.open();
    }

    private void undo(MigrationProject p, boolean dropWrittenData) {
        try {
            UndoResult result = fields.undo(p.id(), dropWrittenData);
            Notification.show(Messages.text(this, result.message()), 6000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(result.outcome() == UndoResult.Outcome.UNDONE ? NotificationVariant.LUMO_SUCCESS
                            : NotificationVariant.LUMO_CONTRAST);
        } catch (LocalizedException e) {
            Notification.show(Messages.text(this, e), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        onChange.run();
    }
}
