package fr.macrea.max.settings;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A refused setting: the field it concerns (the screen shows the message on it) and why. Nothing was saved. */
public class SettingsValidationException extends LocalizedException {

    private final String field;

    public SettingsValidationException(String field, Message message) {
        super(message);
        this.field = field;
    }

    /** The field, as {@code <slot>.<name>}: {@code n8n.baseUrl}, {@code smtp.port}, {@code consent.retention}... */
    public String field() {
        return field;
    }
}
