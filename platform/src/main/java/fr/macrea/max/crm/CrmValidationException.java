package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/** The data was refused (bad id, unknown field, too long, EspoCRM validation failure); nothing was written. */
public class CrmValidationException extends CrmException {
    public CrmValidationException(Message message) {
        super(message);
    }

    /** Transitional, for the callers still on the guard test's allow-list: a sentence shown as is. */
    @Deprecated
    public CrmValidationException(String sentence) {
        super(sentence);
    }
}
