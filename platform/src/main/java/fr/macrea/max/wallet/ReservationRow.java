package fr.macrea.max.wallet;

import java.time.LocalDate;

/**
 * A stored reservation as a refund needs it: its amount still charged (less a partial refund), the period whose wallet row it was spent from, and its
 * status ({@link WalletRepository} maps the generated record to it).
 */
record ReservationRow(long id, int amount, LocalDate periodStart, ReservationStatus status) {
}
