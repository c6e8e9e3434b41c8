package fr.macrea.max.crm;

/** EspoCRM refused the credentials (401) or the access (403). */
public class CrmAccessException extends CrmException {
    public CrmAccessException(String message) {
        super(message);
    }
}
