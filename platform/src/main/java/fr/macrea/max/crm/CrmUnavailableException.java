package fr.macrea.max.crm;

/** EspoCRM could not be reached or failed (5xx, timeout) even after retries; nothing was written. */
public class CrmUnavailableException extends CrmException {
    public CrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
