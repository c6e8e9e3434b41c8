package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

import java.time.Instant;

/**
 * One line of the append-only ledger; the sum of {@code delta} is the balance.
 *
 * @param kind GRANT (period allowance), EXPIRY (unused allowance at period end), PACK, PLAN (upgrade), RESERVE,
 *             REFUND
 * @param reason what the line is for, as a message (older lines: their text)
 */
public record LedgerEntry(long id, String kind, int delta, Long reservationId, Message reason, Instant at) {
}
