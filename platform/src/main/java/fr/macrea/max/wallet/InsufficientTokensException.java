package fr.macrea.max.wallet;

/** A reservation that would take the wallet below zero: refused (hard stop, no automatic top-up). */
public class InsufficientTokensException extends RuntimeException {

    private final int requested;
    private final int available;

    public InsufficientTokensException(int requested, int available) {
        super("Solde de jetons insuffisant : cette action coûte " + requested + " jeton" + (requested > 1 ? "s" : "")
                + " et il en reste " + available + ". Aucun jeton n'a été débité ; demandez un pack de jetons à "
                + "votre administrateur MaCréa.");
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
