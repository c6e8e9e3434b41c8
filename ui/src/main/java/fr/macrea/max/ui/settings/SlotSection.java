package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.macrea.max.settings.SettingsValidationException;
import fr.macrea.max.ui.base.Messages;

import java.util.HashMap;
import java.util.Map;

/**
 * A group of saved settings (n8n, model, SMTP, consent): its fields, one "Enregistrer" button, and the service's
 * refusal shown on the field it names ({@link SettingsValidationException#field()}); what was typed stays.
 */
abstract class SlotSection extends VerticalLayout {

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Map<String, SecretField> secrets = new HashMap<>();
    private final Span result = new Span();
    private final String prefix;

    SlotSection(String prefix) {
        this.prefix = prefix;
        setId("settings-" + prefix);
        add(new H3(getTranslation("settings." + prefix + ".title")), new Paragraph(getTranslation("settings." + prefix + ".intro")));
    }

    /** Adds the save button and the result line under the fields. */
    void addSaveButton() {
        Button save = new Button(getTranslation("settings.save"), e -> save());
        save.setId(prefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId(prefix + "-result");
        add(save, result);
    }

    void field(String name, HasValidation component) {
        fields.put(name, component);
    }

    void secret(String name, SecretField component) {
        secrets.put(name, component);
    }

    /** Calls the service with the form's values and shows what it saved. */
    abstract void saveValues();

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        secrets.values().forEach(SecretField::resetError);
        try {
            saveValues();
            result.setText(getTranslation("settings.saved"));
            result.getElement().getThemeList().clear();
            result.getElement().getThemeList().add("badge success");
        } catch (SettingsValidationException e) {
            String text = Messages.text(this, e);
            HasValidation field = fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else if (secrets.containsKey(e.field())) {
                secrets.get(e.field()).error(text);
            }
            result.setText(getTranslation("settings.not-saved", text));
            result.getElement().getThemeList().clear();
            result.getElement().getThemeList().add("badge error");
        }
    }
}
