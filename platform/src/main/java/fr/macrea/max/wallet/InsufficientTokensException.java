package fr.macrea.max.wallet;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A reservation that would take the wallet below zero: refused (hard stop, no automatic top-up). */
public class InsufficientTokensException extends LocalizedException {

    private final int requested;
    private final int available;

    public InsufficientTokensException(int requested, int available) {
        super(Message.of("wallet.insufficient-tokens", requested, available));
        this.requested = requested;
        this.available = available;
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }
}
