package fr.macrea.max.outbound;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A send refused for a reason the user can fix (unknown template, empty audience, bad schedule...). */
public class OutboundException extends LocalizedException {

    public OutboundException(Message message) {
        super(message);
    }
}
