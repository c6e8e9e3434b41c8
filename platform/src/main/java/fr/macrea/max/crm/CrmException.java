package fr.macrea.max.crm;

/** A CRM call that failed; the message is meant for the user (French). */
public class CrmException extends RuntimeException {

    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
