package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

/**
 * Reserve, commit and refund: the wallet's side of the action pipeline, and nothing else's. Only the action feature
 * ({@code fr.macrea.max.action..}) may use it (checked by {@code ActionPathArchitectureTest}): a view or another
 * feature charges tokens by running an action, never by reserving around the pipeline, and gives them back by
 * undoing it, never by calling a refund. Reasons are messages: they are the wallet ledger's lines in Budget IA.
 */
public interface ActionCharges {

    /**
     * Holds {@code amount} tokens of the current tenant for one request. Idempotent on {@code requestKey}: a second
     * call with the same key returns the first reservation and charges nothing more.
     *
     * @throws InsufficientTokensException when the balance cannot cover it (nothing is charged)
     */
    Reservation reserve(String requestKey, int amount, Message reason);

    /** The action succeeded: the held tokens are spent for good. False if it was already settled (e.g. expired). */
    boolean commit(long reservationId);

    /** The action failed: gives the held tokens back, exactly once. */
    boolean refund(long reservationId, Message reason);

    /** Undo of a committed action: gives its tokens back, exactly once. */
    boolean refundCommitted(long reservationId, Message reason);

    /**
     * Part of a committed action was not used (a send that reached fewer recipients than it was charged for): gives
     * {@code amount} of its tokens back, exactly once per reservation, with a ledger line. False if it was already
     * done, the reservation is not committed (yet), or the amount is not between 1 and what was charged.
     */
    boolean refundCommittedPart(long reservationId, int amount, Message reason);
}
