package fr.macrea.max.ui.crm;

import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.MaxNotes;
import fr.macrea.max.crm.TimelineEntry;
import com.vaadin.flow.component.checkbox.Checkbox;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.action.analysis.LeadAnalysisParams;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.ui.action.ActionCard;
import fr.macrea.max.ui.action.ActionCards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lead card: identity, e-mail, status, editable tags, timeline, score reasons and "Analyser avec M.A.X.". */
class LeadCard extends VerticalLayout {


    private final transient CrmGateway crm;
    private final transient ActionCards cards;

    LeadCard(CrmGateway crm, ActionCards cards) {
        this.crm = crm;
        this.cards = cards;
        setId("lead-card");
        addClassName("lead-card");
        setVisible(false);
    }

    void show(LeadRow row, List<String> knownTags, List<CustomField> customFields) {
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
            tags.setInvalid(false);
            if (value.length() > CrmGateway.TAG_MAX_LENGTH) {
                // refused at once, on the field: the same limit setTags applies
                tags.setErrorMessage(Messages.text(this, fr.macrea.max.shared.Message.of("crm.tag.too-long",
                        CrmGateway.TAG_MAX_LENGTH)));
                tags.setInvalid(true);
            } else if (!value.isEmpty()) {
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

        // the one action card, as on every screen: quote, one key per intent (a double click charges once), mode
        Paragraph analysis = new Paragraph();
        analysis.setId("lead-card-analysis");
        ActionCard<LeadAnalysisParams> analyse = cards.create(LeadAnalysisService.ACTION_ID,
                () -> new LeadAnalysisParams(lead.id(), lead.name()), outcome -> analysis.setText(analysisText(outcome)));
        analyse.setConfirmLabel(q -> getTranslation("crm.card.analyse", q.cost()));
        analyse.setId("lead-card-analyse");
        VerticalLayout timeline = new VerticalLayout();
        timeline.setId("lead-card-timeline");
        timeline.setPadding(false);
        timeline.setSpacing(false);
        List<TimelineEntry> entries = crm.timeline(EntityRef.lead(lead.id()), 20);
        if (entries.isEmpty()) {
            timeline.add(new Span(getTranslation("crm.card.timeline.empty")));
        }
        List<Div> maxNotes = new java.util.ArrayList<>();
        for (TimelineEntry t : entries) {
            boolean byMax = MaxNotes.isMax(t);
            // M.A.X.'s own log notes are shown as such, not as the lead's activity
            Span kind = new Span(byMax ? getTranslation("crm.card.timeline.max") + " : "
                    : CrmValueText.kind(this, t.kind()) + " : ");
            Div item = new Div(new Span(Dates.dateTime(t.at(), getLocale()) + " · "), kind,
                    new Span(byMax ? "" : CrmValueText.title(this, t)));
            if (byMax) {
                kind.addClassName("badge");
                item.addClassName("lead-card-timeline-max");
                maxNotes.add(item);
            }
            if (t.detail() != null && !t.detail().isBlank()) {
                Span detail = new Span(t.detail().length() > 200 ? t.detail().substring(0, 200) + "…" : t.detail());
                detail.addClassName("lead-card-timeline-detail");
                item.add(new Span(" — "), detail);
            }
            item.addClassName("lead-card-timeline-item");
            timeline.add(item);
        }
        Checkbox hideMax = new Checkbox(getTranslation("crm.card.timeline.hide-max", maxNotes.size()));
        hideMax.setId("lead-card-timeline-hide-max");
        hideMax.setVisible(!maxNotes.isEmpty());
        hideMax.addValueChangeListener(e -> maxNotes.forEach(d -> d.setVisible(!e.getValue())));
        add(name, company, email, status, score, tags, saveTags);
        if (!customFields.isEmpty()) {
            add(new H3(getTranslation("crm.card.custom")), customFields(lead.id(), customFields));
        }
        add(analyse, analysis, new H3(getTranslation("crm.card.timeline")), hideMax, timeline);
    }

    /** The tenant's own fields (those its field plans added), read from the record, with their labels. */
    private Div customFields(String leadId, List<CustomField> fields) {
        Map<String, Object> values = crm.readAttributes(EntityRef.lead(leadId),
                fields.stream().map(CustomField::name).collect(java.util.stream.Collectors.toSet()));
        Div box = new Div();
        box.setId("lead-card-custom");
        box.addClassName("lead-card-custom");
        String language = getLocale().getLanguage();
        for (CustomField f : fields) {
            Div line = new Div(new Span(f.label(language) + " : "), new Span(CustomValueText.of(this, values.get(f.name()))));
            line.setId("lead-card-custom-" + f.name());
            box.add(line);
        }
        return box;
    }

    /** The analysis summary and next actions, with what it cost (a replay says so and cost nothing more). */
    private String analysisText(ActionOutcome<?> outcome) {
        if (!(outcome.result() instanceof LeadAnalysis a)) {
            return Messages.text(this, outcome.message());
        }
        String next = a.nextActions().isEmpty() ? ""
                : " " + getTranslation("crm.card.analysis.next", Messages.join(this, a.nextActions(), " "));
        return Messages.text(this, a.summary()) + next + " " + getTranslation("crm.card.analysis.cost", outcome.cost());
    }
}
