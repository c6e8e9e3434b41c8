package fr.macrea.max.creative;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** Bad input to Espace Créa (an image refused, a model that does not exist): the message says what and why. */
public class CreativeException extends LocalizedException {

    public CreativeException(Message message) {
        super(message);
    }

    public CreativeException(Message message, Throwable cause) {
        super(message, cause);
    }
}
