package fr.macrea.max.wallet;

/** Bad wallet input or state; the message is for the user (French). */
public class WalletException extends RuntimeException {

    public WalletException(String message) {
        super(message);
    }
}
