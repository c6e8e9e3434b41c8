package fr.macrea.max.ui.fields;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.macrea.max.fields.FieldProposal;
import fr.macrea.max.fields.FieldStatus;
import fr.macrea.max.fields.MigrationProject;
import fr.macrea.max.fields.MigrationStep;
import fr.macrea.max.fields.PipelineProposal;
import fr.macrea.max.fields.TagProposal;
import fr.macrea.max.fields.ViewProposal;
import fr.macrea.max.ui.base.Messages;

import java.util.stream.Collectors;

/**
 * A migration project as the admin checks it before validating: the fields to add (name, EspoCRM type, label,
 * options, GDPR purpose), those already there or in conflict, pipeline stages, tags, recommended views, the exact
 * changes (DDL or Field Manager calls), the estimated duration on the tenant's records and the token cost.
 */
class ProjectPanel extends VerticalLayout {

    ProjectPanel() {
        setId("fields-project");
        setPadding(false);
        setVisible(false);
    }

    void show(MigrationProject project) {
        removeAll();
        setVisible(true);
        String lang = getLocale().getLanguage();
        long same = project.fields().stream().filter(f -> f.status() == FieldStatus.SAME).count();
        Paragraph summary = new Paragraph(getTranslation("fields.screen.summary", project.fieldsToAdd().size(), same,
                project.conflicts().size(), project.views().size(), project.tags().size(),
                Math.max(1, (project.estimate().toMillis() + 999) / 1000), project.rowCount(), project.cost()));
        summary.setId("fields-summary");
        Span status = new Span(Messages.text(this, fr.macrea.max.shared.Message.of(project.status().labelKey())));
        status.setId("fields-project-status");
        status.addClassName("badge");
        if (project.error() != null) {
            Paragraph error = new Paragraph(Messages.text(this, project.error()));
            error.setId("fields-project-error");
            error.addClassName("fields-error");
            add(error);
        }
        add(new H3(getTranslation("fields.screen.project", project.brainName())), status, summary, fields(project, lang));
        if (!project.pipelines().isEmpty()) {
            add(new H4(getTranslation("fields.screen.pipelines")));
            for (PipelineProposal p : project.pipelines()) {
                add(new Paragraph(p.label(lang) + " : " + p.stages().stream()
                        .map(s -> s.label(lang) + " (" + s.probability() + " %)").collect(Collectors.joining(" → "))));
            }
        }
        if (!project.tags().isEmpty()) {
            Paragraph tags = new Paragraph(getTranslation("fields.screen.tags") + " : " + project.tags().stream()
                    .map(TagProposal::value).collect(Collectors.joining(", ")));
            tags.setId("fields-tags");
            add(tags);
        }
        if (!project.views().isEmpty()) {
            add(new H4(getTranslation("fields.screen.views")));
            for (ViewProposal v : project.views()) {
                add(new Paragraph(v.label(lang) + " — " + String.join(", ", v.columns())));
            }
        }
        Pre changes = new Pre(project.steps().stream()
                .map(s -> s.index() + ". " + s.command() + stepState(s)).collect(Collectors.joining("\n")));
        changes.setId("fields-changes");
        Details details = new Details(getTranslation("fields.screen.changes", project.steps().size()), changes);
        details.setId("fields-changes-details");
        add(details);
    }

    private String stepState(MigrationStep s) {
        if (s.state() == fr.macrea.max.fields.StepState.PENDING) {
            return "";
        }
        return "   [" + Messages.text(this, fr.macrea.max.shared.Message.of(s.state().labelKey()))
                + (s.error() == null ? "" : " : " + Messages.text(this, s.error())) + "]";
    }

    private Grid<FieldProposal> fields(MigrationProject project, String lang) {
        Grid<FieldProposal> grid = new Grid<>();
        grid.setId("fields-grid");
        grid.addColumn(FieldProposal::name).setHeader(getTranslation("fields.screen.col.name")).setAutoWidth(true);
        grid.addColumn(FieldProposal::type).setHeader(getTranslation("fields.screen.col.type")).setAutoWidth(true);
        grid.addColumn(f -> f.label(lang)).setHeader(getTranslation("fields.screen.col.label")).setAutoWidth(true);
        grid.addColumn(f -> String.join(", ", f.options())).setHeader(getTranslation("fields.screen.col.options"))
                .setFlexGrow(2);
        grid.addColumn(FieldProposal::gdprPurpose).setHeader(getTranslation("fields.screen.col.gdpr")).setFlexGrow(2);
        grid.addComponentColumn(f -> {
            Span s = new Span(Messages.text(this, fr.macrea.max.shared.Message.of(f.status().labelKey()))
                    + (f.status() == FieldStatus.CONFLICT ? " (" + f.currentType() + ")" : ""));
            s.addClassName("badge");
            s.addClassName("fields-status-" + f.status().name().toLowerCase(java.util.Locale.ROOT));
            return new Div(s);
        }).setHeader(getTranslation("fields.screen.col.status")).setAutoWidth(true);
        grid.setItems(project.fields());
        grid.setAllRowsVisible(true);
        grid.getColumns().forEach(c -> c.setResizable(true));
        return grid;
    }
}
