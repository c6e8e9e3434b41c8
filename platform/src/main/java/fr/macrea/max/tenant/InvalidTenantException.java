package fr.macrea.max.tenant;

/** A tenant form that cannot be accepted; the message is shown to the user as is (French). */
public class InvalidTenantException extends RuntimeException {

    public InvalidTenantException(String message) {
        super(message);
    }
}
