package fr.macrea.max.crm;

/** The record does not exist (or was deleted). */
public class CrmNotFoundException extends CrmException {
    public CrmNotFoundException(String message) {
        super(message);
    }
}
