package fr.macrea.max.crm;

/** The data was refused (bad id, unknown field, too long, EspoCRM validation failure); nothing was written. */
public class CrmValidationException extends CrmException {
    public CrmValidationException(String message) {
        super(message);
    }
}
