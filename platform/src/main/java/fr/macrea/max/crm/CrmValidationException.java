package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/** The data was refused (bad id, unknown field, too long, EspoCRM validation failure); nothing was written. */
public class CrmValidationException extends CrmException {
    public CrmValidationException(Message message) {
        super(message);
    }

    /**
     * Transitional: a sentence shown as is. Its last caller is the test fake {@code action.InMemoryCrmGateway}, being
     * rewritten with the action package; remove this constructor once it uses messages.
     */
    @Deprecated
    public CrmValidationException(String sentence) {
        super(Message.of("shared.untranslated", sentence));
    }
}
