package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

/** EspoCRM could not be reached or failed (5xx, timeout) even after retries; nothing was written. */
public class CrmUnavailableException extends CrmException {
    public CrmUnavailableException(Message message, Throwable cause) {
        super(message, cause);
    }
}
