package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/** The record does not exist (or was deleted). */
public class CrmNotFoundException extends CrmException {
    public CrmNotFoundException(Message message) {
        super(message);
    }

    /**
     * Transitional: a sentence shown as is. Its last caller is the test fake {@code action.InMemoryCrmGateway}, being
     * rewritten with the action package; remove this constructor once it uses messages.
     */
    @Deprecated
    public CrmNotFoundException(String sentence) {
        super(Message.of("shared.untranslated", sentence));
    }
}
