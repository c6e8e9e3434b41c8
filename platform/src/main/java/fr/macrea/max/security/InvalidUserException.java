package fr.macrea.max.security;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A user form that cannot be accepted; the message is shown to the user in their language. */
public class InvalidUserException extends LocalizedException {

    public InvalidUserException(Message message) {
        super(message);
    }
}
