package fr.macrea.max.ui.crm;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.reporting.AiActions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The lead card: identity, e-mail, status, editable tags, timeline, score reasons and "Analyser avec M.A.X.". */
class LeadCard extends VerticalLayout {

    static final String ANALYSIS = "lead.analysis";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final transient CrmGateway crm;
    private final transient AiActions actions;

    LeadCard(CrmGateway crm, AiActions actions) {
        this.crm = crm;
        this.actions = actions;
        setId("lead-card");
        addClassName("lead-card");
        setVisible(false);
    }

    void show(LeadRow row, List<String> knownTags) {
        removeAll();
        setVisible(true);
        Lead lead = crm.findLead(row.id()).orElse(null);
        if (lead == null) {
            add(new Paragraph(getTranslation("crm.card.gone")));
            return;
        }
        H3 name = new H3(lead.name().isEmpty() ? row.id() : lead.name());
        name.setId("lead-card-name");
        Span email = new Span(lead.emailAddress() == null ? getTranslation("crm.card.no-email") : lead.emailAddress());
        email.setId("lead-card-email");
        Span status = new Span(CrmView.statusLabel(this, lead.status()));
        status.setId("lead-card-status");
        status.addClassName("badge");
        Span company = new Span(lead.accountName() == null ? "" : lead.accountName());
        Span score = new Span(getTranslation("crm.card.score", row.score(), Messages.join(this, row.reasons(), " · ")));
        score.setId("lead-card-score");

        MultiSelectComboBox<String> tags = new MultiSelectComboBox<>(getTranslation("crm.card.tags"));
        tags.setId("lead-card-tags");
        tags.setAllowCustomValue(true);
        Set<String> items = new LinkedHashSet<>(knownTags);
        items.addAll(lead.tags());
        tags.setItems(items);
        tags.setValue(lead.tags());
        tags.addCustomValueSetListener(e -> {
            String value = e.getDetail().strip();
            if (!value.isEmpty()) {
                items.add(value);
                tags.setItems(items);
                Set<String> selected = new LinkedHashSet<>(tags.getValue());
                selected.add(value);
                tags.setValue(selected);
            }
        });
        Button saveTags = new Button(getTranslation("crm.card.tags.save"), e -> {
            try {
                crm.setTags(EntityRef.lead(lead.id()), tags.getValue());
                Notification.show(getTranslation("crm.card.tags.saved"), 3000, Notification.Position.BOTTOM_END);
            } catch (CrmException ex) {
                Notification.show(Messages.text(this, ex), 5000, Notification.Position.MIDDLE);
            }
        });
        saveTags.setId("lead-card-tags-save");

        AiActions.Quote quote = actions.quote(ANALYSIS);
        Paragraph analysis = new Paragraph();
        analysis.setId("lead-card-analysis");
        Button analyse = new Button(getTranslation("crm.card.analyse", quote.cost()), e -> {
            try {
                analysis.setText(actions.analyseLead(lead.id()));
            } catch (RuntimeException ex) {
                analysis.setText(ex.getMessage());
            }
        });
        analyse.setId("lead-card-analyse");
        analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        analyse.setEnabled(quote.allowed());
        Span cost = new Span(getTranslation("crm.card.analyse.cost", quote.cost(), quote.balanceAfter(), quote.mode()));
        cost.setId("lead-card-analyse-cost");

        VerticalLayout timeline = new VerticalLayout();
        timeline.setId("lead-card-timeline");
        timeline.setPadding(false);
        timeline.setSpacing(false);
        List<TimelineEntry> entries = crm.timeline(EntityRef.lead(lead.id()), 20);
        if (entries.isEmpty()) {
            timeline.add(new Span(getTranslation("crm.card.timeline.empty")));
        }
        for (TimelineEntry t : entries) {
            Div item = new Div(new Span((t.at() == null ? "" : WHEN.format(t.at())) + " · "), new Span(t.kind() + " : "),
                    new Span(t.title() == null ? "" : t.title()));
            if (t.detail() != null && !t.detail().isBlank()) {
                Span detail = new Span(t.detail().length() > 200 ? t.detail().substring(0, 200) + "…" : t.detail());
                detail.addClassName("lead-card-timeline-detail");
                item.add(new Span(" — "), detail);
            }
            item.addClassName("lead-card-timeline-item");
            timeline.add(item);
        }
        add(name, company, email, status, score, tags, saveTags, analyse, cost, analysis,
                new H3(getTranslation("crm.card.timeline")), timeline);
    }
}
