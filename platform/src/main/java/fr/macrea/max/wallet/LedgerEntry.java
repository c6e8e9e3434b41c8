package fr.macrea.max.wallet;

import java.time.Instant;

/**
 * One line of the append-only ledger; the sum of {@code delta} is the balance.
 *
 * @param kind GRANT (period allowance), EXPIRY (unused allowance at period end), PACK, PLAN (upgrade), RESERVE,
 *             REFUND
 */
public record LedgerEntry(long id, String kind, int delta, Long reservationId, String reason, Instant at) {
}
