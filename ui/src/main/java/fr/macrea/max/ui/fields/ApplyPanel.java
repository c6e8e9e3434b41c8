package fr.macrea.max.ui.fields;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.fields.FieldsRebuildService;
import fr.macrea.max.fields.MigrationProject;
import fr.macrea.max.fields.MigrationStatus;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.ui.base.Messages;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Consumer;

/**
 * Validation of a draft project by a tenant admin: the second confirmation names the number of fields (typed by
 * the admin), then the migration runs in the background while the panel shows its steps' progress; the outcome
 * (applied, or failed with what failed and everything reversed) comes back as a notification.
 */
class ApplyPanel extends VerticalLayout {

    private final transient FieldsRebuildService fields;
    private final transient Consumer<MigrationProject> onChange;
    private final IntegerField count = new IntegerField();
    private final Button apply = new Button();
    private final Button reject = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private MigrationProject project;
    private Registration polling;

    ApplyPanel(FieldsRebuildService fields, Consumer<MigrationProject> onChange) {
        this.fields = fields;
        this.onChange = onChange;
        setId("fields-apply-panel");
        setPadding(false);
        count.setId("fields-confirm-count");
        count.setLabel(getTranslation("fields.screen.confirm.label"));
        count.setMin(0);
        apply.setId("fields-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        apply.addClickListener(e -> start());
        reject.setId("fields-reject");
        reject.setText(getTranslation("fields.screen.reject"));
        reject.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reject.addClickListener(e -> reject());
        progress.setId("fields-progress");
        progressText.setId("fields-progress-text");
        setVisible(false);
    }

    void show(MigrationProject project) {
        this.project = project;
        removeAll();
        boolean draft = project.status() == MigrationStatus.DRAFT && project.draftId() != null;
        boolean applying = project.status() == MigrationStatus.APPLYING;
        setVisible(draft || applying);
        if (!draft && !applying) {
            return;
        }
        int n = project.fieldsToAdd().size();
        Paragraph help = new Paragraph(getTranslation("fields.screen.confirm.help", n, project.cost()));
        help.setId("fields-confirm-help");
        apply.setText(getTranslation("fields.screen.apply", n));
        count.clear();
        progress.setMax(Math.max(1, project.steps().size()));
        progress.setValue(project.appliedSteps());
        progressText.setText(getTranslation("fields.screen.progress", project.appliedSteps(), project.steps().size()));
        progress.setVisible(applying);
        progressText.setVisible(applying);
        apply.setEnabled(!applying);
        add(help, new HorizontalLayout(count, apply, reject), progress, progressText);
    }

    private void start() {
        Integer typed = count.getValue();
        if (typed == null || typed != project.fieldsToAdd().size()) {
            count.setErrorMessage(getTranslation("fields.screen.confirm.mismatch", project.fieldsToAdd().size()));
            count.setInvalid(true);
            return;
        }
        count.setInvalid(false);
        apply.setEnabled(false);
        reject.setEnabled(false);
        progress.setVisible(true);
        progressText.setVisible(true);
        UI ui = UI.getCurrent();
        long id = project.id();
        ui.setPollInterval(500);
        polling = ui.addPollListener(e -> fields.project(id).ifPresent(this::progress));
        // the steps run on their own thread so that this page can show them as they commit
        Thread.ofVirtual().start(new DelegatingSecurityContextRunnable(() -> {
            ActionOutcome<Object> outcome;
            try {
                outcome = fields.apply(id, typed);
            } catch (LocalizedException refused) {
                ui.access(() -> finished(null, refused));
                return;
            }
            ui.access(() -> finished(outcome, null));
        }, SecurityContextHolder.getContext()));
    }

    private void progress(MigrationProject current) {
        progress.setValue(current.appliedSteps());
        progressText.setText(getTranslation("fields.screen.progress", current.appliedSteps(), current.steps().size()));
    }

    private void finished(ActionOutcome<Object> outcome, LocalizedException refused) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        reject.setEnabled(true);
        String text = refused != null ? Messages.text(this, refused) : Messages.text(this, outcome.message());
        boolean ok = outcome != null && outcome.status() == ActionStatus.COMPLETED;
        Notification.show(text, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        fields.project(project.id()).ifPresent(onChange);
    }

    private void reject() {
        try {
            fields.reject(project.id());
            Notification.show(getTranslation("fields.screen.rejected"), 4000, Notification.Position.BOTTOM_END);
        } catch (LocalizedException e) {
            Notification.show(Messages.text(this, e), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        fields.project(project.id()).ifPresent(onChange);
    }
}
