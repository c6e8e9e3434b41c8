package fr.macrea.max.wallet;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** Bad wallet input or state; its message is a key the UI renders for the user. */
public class WalletException extends LocalizedException {

    public WalletException(Message message) {
        super(message);
    }
}
