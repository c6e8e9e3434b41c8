package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/** The record does not exist (or was deleted). */
public class CrmNotFoundException extends CrmException {
    public CrmNotFoundException(Message message) {
        super(message);
    }

    /** Transitional, for the callers still on the guard test's allow-list: a sentence shown as is. */
    @Deprecated
    public CrmNotFoundException(String sentence) {
        super(sentence);
    }
}
