package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.settings.N8nSettings;
import fr.macrea.max.settings.TenantSettingsService;

/** "Automatisation (n8n)": the tenant's n8n address and API key, used by the automation connector. */
class N8nSection extends SlotSection {

    private final transient TenantSettingsService settings;
    private final TextField url = new TextField();
    private final SecretField apiKey;

    N8nSection(TenantSettingsService settings) {
        super("n8n");
        this.settings = settings;
        url.setId("n8n-url");
        url.setLabel(getTranslation("settings.n8n.url"));
        url.setPlaceholder("https://n8n.exemple.fr");
        url.setMaxLength(500);
        url.setWidth("32em");
        apiKey = new SecretField("n8n-api-key", getTranslation("settings.n8n.api-key"), true);
        field("n8n.baseUrl", url);
        secret("n8n.apiKey", apiKey);
        add(url, apiKey);
        addSaveButton();
        show(settings.n8n());
    }

    private void show(N8nSettings saved) {
        url.setValue(saved.baseUrl() == null ? "" : saved.baseUrl());
        apiKey.show(saved.apiKey());
    }

    @Override
    void saveValues() {
        show(settings.saveN8n(url.getValue(), apiKey.change()));
    }
}
