package fr.macrea.max.ui.outbound;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.outbound.OutboundService;
import fr.macrea.max.outbound.SendAudience;
import fr.macrea.max.outbound.SendParams;
import fr.macrea.max.outbound.SendPlan;
import fr.macrea.max.outbound.TargetListRef;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.ui.action.ActionCard;
import fr.macrea.max.ui.action.ActionCards;
import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.crm.CrmValueText;
import fr.macrea.max.wallet.DefaultPrices;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The send dialog: the template, the audience (target lists, or tags and statuses), the campaign (existing or new), the schedule in the tenants' zone (empty: now),
 * the dry run ("envoyé à 812, 37 exclus (...)") and the action card, whose Auto confirmation is the strong one of an
 * irreversible send. Nothing is sent, stored or charged before the card's confirmation.
 */
class SendDialog extends Dialog {

    /** EspoCRM's lead statuses (the CRM tab's filter). */
    private static final List<String> LEAD_STATUSES = List.of("New", "Assigned", "In Process", "Converted", "Recycled",
            "Dead");

    private final transient OutboundService outbound;
    private final transient Runnable onSent;
    private final Select<EmailTemplate> template = new Select<>();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> statuses = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> sources = new MultiSelectComboBox<>();
    private final DateTimePicker schedule = new DateTimePicker();
    private final MultiSelectComboBox<TargetListRef> lists = new MultiSelectComboBox<>();
    private final Select<Campaign> existingCampaign = new Select<>();
    private final TextField campaign = new TextField();
    private final Paragraph summary = new Paragraph();
    private final ActionCard<SendParams> card;

    SendDialog(OutboundService outbound, LeadSearchService search, ActionCards cards, Runnable onSent) {
        this.outbound = outbound;
        this.onSent = onSent;
        setHeaderTitle(getTranslation("outbound.screen.dialog.title"));
        setId("outbound-dialog");
        setWidth("min(46em, 96vw)");
        List<EmailTemplate> templates = outbound.templates();
        template.setId("outbound-template");
        template.setLabel(getTranslation("outbound.screen.template"));
        template.setItems(templates);
        template.setItemLabelGenerator(EmailTemplate::name);
        // the audience is picked among the tenant's own values (as the CRM tab's filters), never typed blind
        tags.setId("outbound-tags");
        tags.setLabel(getTranslation("outbound.screen.tags"));
        tags.setItems(search.tags());
        statuses.setId("outbound-statuses");
        statuses.setLabel(getTranslation("outbound.screen.statuses"));
        statuses.setItems(LEAD_STATUSES);
        statuses.setItemLabelGenerator(status -> CrmValueText.leadStatus(this, status));
        sources.setId("outbound-sources");
        sources.setLabel(getTranslation("outbound.screen.sources"));
        sources.setItems(search.sources());
        sources.setItemLabelGenerator(source -> CrmValueText.leadSource(this, source));
        schedule.setId("outbound-schedule");
        schedule.setLabel(getTranslation("outbound.screen.schedule"));
        lists.setId("outbound-lists");
        lists.setLabel(getTranslation("outbound.screen.lists"));
        lists.setItems(outbound.targetLists());
        lists.setItemLabelGenerator(TargetListRef::name);
        existingCampaign.setId("outbound-existing-campaign");
        existingCampaign.setLabel(getTranslation("outbound.screen.existing-campaign"));
        existingCampaign.setItems(outbound.campaigns());
        existingCampaign.setItemLabelGenerator(c -> c == null ? getTranslation("outbound.screen.new-campaign") : c.name());
        existingCampaign.setEmptySelectionAllowed(true);
        existingCampaign.setEmptySelectionCaption(getTranslation("outbound.screen.new-campaign"));
        existingCampaign.addValueChangeListener(e -> {
            campaign.setVisible(e.getValue() == null);
            stale();
        });
        campaign.setId("outbound-campaign");
        campaign.setLabel(getTranslation("outbound.screen.campaign"));
        summary.setId("outbound-plan-summary");
        Button plan = new Button(getTranslation("outbound.screen.plan"), e -> plan());
        plan.setId("outbound-plan");
        card = cards.create(DefaultPrices.CAMPAIGN_SEND, this::params, this::sent);
        card.setVisible(false);
        template.addValueChangeListener(e -> stale());
        tags.addValueChangeListener(e -> stale());
        statuses.addValueChangeListener(e -> stale());
        sources.addValueChangeListener(e -> stale());
        schedule.addValueChangeListener(e -> stale());
        campaign.addValueChangeListener(e -> stale());
        lists.addValueChangeListener(e -> stale());
        for (HasSize field : List.<HasSize>of(template, lists, tags, statuses, sources, existingCampaign, campaign)) {
            field.setWidthFull();
        }
        add(new VerticalLayout(template, lists, tags, statuses, sources, schedule, existingCampaign, campaign, plan,
                summary, card));
        getFooter().add(new Button(getTranslation("outbound.screen.close"), e -> close()));
    }

    void select(String templateId) {
        template.getListDataView().getItems().filter(t -> t.id().equals(templateId)).findFirst()
                .ifPresent(template::setValue);
    }

    /** Any change invalidates the dry run and the card: the user plans again before confirming. */
    private void stale() {
        summary.setText("");
        card.setVisible(false);
        card.newIntent();
    }

    private SendParams params() {
        EmailTemplate t = template.getValue();
        if (t == null) {
            return null;
        }
        Instant at = schedule.getValue() == null ? null : schedule.getValue().atZone(Dates.ZONE).toInstant();
        Set<String> listIds = lists.getValue().stream().map(TargetListRef::id).collect(Collectors.toSet());
        Campaign existing = existingCampaign.getValue();
        // target lists, when picked, replace the filters (SendAudience)
        return new SendParams(t.id(), new SendAudience(statuses.getValue(), sources.getValue(), tags.getValue(),
                listIds), at, existing == null ? null : existing.id(),
                existing != null || campaign.getValue().isBlank() ? null : campaign.getValue().strip());
    }

    private void plan() {
        SendParams params = params();
        if (params == null) {
            template.setInvalid(true);
            template.setErrorMessage(getTranslation("outbound.screen.template.required"));
            return;
        }
        try {
            SendPlan plan = outbound.plan(params);
            summary.setText(Messages.text(this, plan.summary()));
            card.setQuotedOnParams(true);
            card.setVisible(true);
        } catch (LocalizedException e) {
            summary.setText(Messages.text(this, e));
            card.setVisible(false);
        }
    }

    private void sent(ActionOutcome<?> outcome) {
        if (outcome.status() == ActionStatus.COMPLETED || outcome.status() == ActionStatus.DRAFTED) {
            close();
            onSent.run();
        } else {
            Notification.show(Messages.text(this, outcome.message()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

}
