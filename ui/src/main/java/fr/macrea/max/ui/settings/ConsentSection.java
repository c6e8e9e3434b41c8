package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import fr.macrea.max.settings.ConsentSettings;
import fr.macrea.max.settings.TenantSettingsService;

import java.util.EnumSet;

/** "Consentement": the channels that need an explicit opt-in, the unsubscribe link, how long consent proof is kept. */
class ConsentSection extends SlotSection {

    private final transient TenantSettingsService settings;
    private final CheckboxGroup<ConsentSettings.Channel> channels = new CheckboxGroup<>();
    private final Checkbox unsubscribe = new Checkbox();
    private final IntegerField retention = new IntegerField();

    ConsentSection(TenantSettingsService settings) {
        super("consent");
        this.settings = settings;
        channels.setId("consent-channels");
        channels.setLabel(getTranslation("settings.consent.channels"));
        channels.setItems(ConsentSettings.Channel.values());
        channels.setItemLabelGenerator(c -> getTranslation("settings.consent.channel." + c.name()));
        unsubscribe.setId("consent-unsubscribe");
        unsubscribe.setLabel(getTranslation("settings.consent.unsubscribe"));
        retention.setId("consent-retention");
        retention.setLabel(getTranslation("settings.consent.retention"));
        retention.setMin(ConsentSettings.RETENTION_MIN_MONTHS);
        retention.setMax(ConsentSettings.RETENTION_MAX_MONTHS);
        retention.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("settings.consent.months")));
        field("consent.retention", retention);
        add(channels, unsubscribe, retention, new Paragraph(getTranslation("settings.consent.opt-outs")));
        addSaveButton();
        show(settings.consent());
    }

    private void show(ConsentSettings saved) {
        channels.setValue(saved.optInChannels());
        unsubscribe.setValue(saved.unsubscribeLinkRequired());
        retention.setValue(saved.proofRetentionMonths());
    }

    @Override
    void saveValues() {
        EnumSet<ConsentSettings.Channel> picked = EnumSet.noneOf(ConsentSettings.Channel.class);
        picked.addAll(channels.getValue());
        Integer months = retention.getValue();
        show(settings.saveConsent(new ConsentSettings(picked, unsubscribe.getValue(), months == null ? 0 : months)));
    }
}
