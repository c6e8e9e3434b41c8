package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/** EspoCRM refused the credentials (401) or the access (403). */
public class CrmAccessException extends CrmException {
    public CrmAccessException(Message message) {
        super(message);
    }
}
