package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.StoredMessage;
import fr.macrea.max.tenant.Plan;

/** Reasons of the wallet ledger and reservations, stored as messages (Budget IA renders them in the user's language). */
final class WalletLedger {

    /** The pass-through key of a reason that is plain text (older rows, tests). */
    static final String TEXT = "wallet.text";
    /** {@code wallet_ledger.reason} and {@code wallet_reservation.reason} are VARCHAR(255). */
    private static final int LENGTH = 255;

    private WalletLedger() {
    }

    static String reason(Message message) {
        return StoredMessage.write(message, LENGTH);
    }

    static String grant(Plan plan) {
        return reason(Message.of("wallet.ledger.grant", plan.label()));
    }

    static Message read(String stored) {
        return StoredMessage.read(stored, TEXT);
    }
}
