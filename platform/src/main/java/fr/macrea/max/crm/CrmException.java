package fr.macrea.max.crm;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A CRM call that failed; {@link #message()} is meant for the user, rendered in their language. */
public class CrmException extends LocalizedException {

    public CrmException(Message message) {
        super(message);
    }

    public CrmException(Message message, Throwable cause) {
        super(message, cause);
    }
}
