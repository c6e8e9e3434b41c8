package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import fr.macrea.max.settings.SecretChange;
import fr.macrea.max.settings.SecretState;

/**
 * A secret (API key, password) as tenant settings show it: never its value. When one is saved the field says since
 * when ("Clé API : valeur enregistrée le …") with "Remplacer" (shows an empty password field) and, where the secret is optional, "Effacer";
 * otherwise it is a password field. {@link #change()} tells the service what to do with the saved one.
 */
class SecretField extends Composite<HorizontalLayout> {

    static final int MAX_LENGTH = 500;

    private final PasswordField input = new PasswordField();
    private final Span state = new Span();
    private final Button replace = new Button();
    private final Button clear = new Button();
    private final boolean clearable;
    private final String label;
    private boolean cleared;

    SecretField(String id, String label, boolean clearable) {
        this.clearable = clearable;
        this.label = label;
        replace.setText(getTranslation("settings.secret.replace"));
        clear.setText(getTranslation("settings.secret.clear"));
        input.setId(id);
        input.setLabel(label);
        input.setMaxLength(MAX_LENGTH);
        input.setWidth("24em");
        input.setRevealButtonVisible(false);
        state.setId(id + "-state");
        state.addClassName("settings-secret-state");
        replace.setId(id + "-replace");
        replace.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        replace.addClickListener(e -> editing(true));
        clear.setId(id + "-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        clear.addClickListener(e -> {
            cleared = true;
            state.setText(getTranslation("settings.secret.cleared"));
            clear.setVisible(false);
        });
        HorizontalLayout box = getContent();
        box.setAlignItems(FlexComponent.Alignment.BASELINE);
        box.setWrap(true); // on a phone the state and its buttons go under the field, not off the screen
        box.setMaxWidth("100%");
        box.add(input, state, replace, clear);
        show(SecretState.NONE);
    }

    /** Shows what is saved (after loading or saving); a typed value is forgotten. */
    void show(SecretState saved) {
        cleared = false;
        input.clear();
        input.setInvalid(false);
        boolean set = saved.set();
        state.setText(set ? getTranslation("settings.secret.set-on", label, SettingsFormats.dateTime(this, saved.setAt())) : "");
        state.setVisible(set);
        replace.setVisible(set);
        clear.setVisible(set && clearable);
        input.setVisible(!set);
    }

    private void editing(boolean on) {
        input.setVisible(on);
        replace.setVisible(!on);
        if (on) {
            input.focus();
        }
    }

    SecretChange change() {
        if (cleared) {
            return SecretChange.clear();
        }
        return input.isVisible() ? SecretChange.typed(input.getValue()) : SecretChange.keep();
    }

    /** The typed value for forms that take a blank as "keep the saved one". */
    String typed() {
        return input.isVisible() ? input.getValue() : "";
    }

    /** Shows a refusal on the password field (opened if it was hidden behind "Remplacer"). */
    void error(String message) {
        editing(true);
        input.setErrorMessage(message);
        input.setInvalid(true);
    }

    void resetError() {
        input.setInvalid(false);
    }

    PasswordField input() {
        return input;
    }
}
