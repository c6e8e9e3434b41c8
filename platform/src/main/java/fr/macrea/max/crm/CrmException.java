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

    /** Transitional, for the callers still on the guard test's allow-list: a sentence shown as is. */
    @Deprecated
    public CrmException(String sentence) {
        super(Message.of("shared.untranslated", sentence));
    }

    /** Transitional, for the callers still on the guard test's allow-list: a sentence shown as is. */
    @Deprecated
    public CrmException(String sentence, Throwable cause) {
        super(Message.of("shared.untranslated", sentence), cause);
    }
}
