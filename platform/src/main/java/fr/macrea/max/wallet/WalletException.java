package fr.macrea.max.wallet;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** Bad wallet input or state; {@link #message()} is for the user, rendered in their language. */
public class WalletException extends LocalizedException {

    public WalletException(Message message) {
        super(message);
    }

    /** Transitional, for the callers still on the guard test's allow-list: a sentence shown as is. */
    @Deprecated
    public WalletException(String sentence) {
        super(Message.of("shared.untranslated", sentence));
    }
}
