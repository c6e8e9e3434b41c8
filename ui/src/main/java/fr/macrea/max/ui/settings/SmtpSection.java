package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.settings.SmtpSettings;
import fr.macrea.max.settings.TenantSettingsService;

/** "E-mail (SMTP)": the server the embedded automation sends e-mails through. */
class SmtpSection extends SlotSection {

    private final transient TenantSettingsService settings;
    private final TextField host = new TextField();
    private final IntegerField port = new IntegerField();
    private final Select<SmtpSettings.Security> security = new Select<>();
    private final TextField username = new TextField();
    private final TextField sender = new TextField();
    private final SecretField password;

    SmtpSection(TenantSettingsService settings) {
        super("smtp");
        this.settings = settings;
        host.setId("smtp-host");
        host.setLabel(getTranslation("settings.smtp.host"));
        host.setPlaceholder("smtp.exemple.fr");
        host.setMaxLength(253);
        port.setId("smtp-port");
        port.setLabel(getTranslation("settings.smtp.port"));
        port.setMin(1);
        port.setMax(65_535);
        security.setId("smtp-security");
        security.setLabel(getTranslation("settings.smtp.security"));
        security.setItems(SmtpSettings.Security.values());
        security.setItemLabelGenerator(s -> getTranslation("settings.smtp.security." + s.name()));
        username.setId("smtp-username");
        username.setLabel(getTranslation("settings.smtp.username"));
        username.setMaxLength(254);
        sender.setId("smtp-sender");
        sender.setLabel(getTranslation("settings.smtp.sender"));
        sender.setPlaceholder("contact@exemple.fr");
        sender.setMaxLength(254);
        password = new SecretField("smtp-password", getTranslation("settings.smtp.password"), true);
        field("smtp.host", host);
        field("smtp.port", port);
        field("smtp.username", username);
        field("smtp.sender", sender);
        secret("smtp.password", password);
        add(new HorizontalLayout(host, port, security), new HorizontalLayout(username, sender), password);
        addSaveButton();
        show(settings.smtp());
    }

    private void show(SmtpSettings saved) {
        host.setValue(saved.host() == null ? "" : saved.host());
        port.setValue(saved.port() == null ? 587 : saved.port());
        security.setValue(saved.security());
        username.setValue(saved.username() == null ? "" : saved.username());
        sender.setValue(saved.sender() == null ? "" : saved.sender());
        password.show(saved.password());
    }

    @Override
    void saveValues() {
        show(settings.saveSmtp(host.getValue(), port.getValue(), username.getValue(), sender.getValue(),
                security.getValue(), password.change()));
    }
}
