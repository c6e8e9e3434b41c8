package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.settings.ModelSettings;
import fr.macrea.max.settings.TenantSettingsService;

/** "Modèle IA": an OpenAI-compatible endpoint, the model's name and its key (optional for a local model). */
class ModelSection extends SlotSection {

    private final transient TenantSettingsService settings;
    private final TextField url = new TextField();
    private final TextField model = new TextField();
    private final SecretField apiKey;

    ModelSection(TenantSettingsService settings) {
        super("model");
        this.settings = settings;
        url.setId("model-url");
        url.setLabel(getTranslation("settings.model.url"));
        url.setPlaceholder("https://api.mistral.ai/v1");
        url.setMaxLength(500);
        url.setWidth("32em");
        model.setId("model-name");
        model.setLabel(getTranslation("settings.model.name"));
        model.setPlaceholder("mistral-small-latest");
        model.setMaxLength(100);
        apiKey = new SecretField("model-api-key", getTranslation("settings.model.api-key"), true);
        field("model.baseUrl", url);
        field("model.name", model);
        secret("model.apiKey", apiKey);
        add(url, model, apiKey);
        addSaveButton();
        show(settings.model());
    }

    private void show(ModelSettings saved) {
        url.setValue(saved.baseUrl() == null ? "" : saved.baseUrl());
        model.setValue(saved.model() == null ? "" : saved.model());
        apiKey.show(saved.apiKey());
    }

    @Override
    void saveValues() {
        show(settings.saveModel(url.getValue(), model.getValue(), apiKey.change()));
    }
}
