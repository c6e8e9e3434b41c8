package fr.macrea.max.wallet;

import java.time.Instant;

/** Tokens held for one request until it is committed or refunded. */
public record Reservation(long id, String requestKey, int amount, ReservationStatus status, Instant expiresAt) {
}
