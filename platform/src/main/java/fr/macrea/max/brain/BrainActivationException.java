package fr.macrea.max.brain;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A brain cannot be activated for a tenant; views render {@link #message()} ({@code i18n/brain.properties}). */
public class BrainActivationException extends LocalizedException {

    public BrainActivationException(Message message) {
        super(message);
    }
}
