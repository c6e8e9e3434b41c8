package fr.macrea.max.tenant;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A tenant form that cannot be accepted; the message is shown to the user in their language. */
public class InvalidTenantException extends LocalizedException {

    public InvalidTenantException(Message message) {
        super(message);
    }
}
