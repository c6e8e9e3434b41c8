package fr.macrea.max.wallet;

public enum ReservationStatus {
    HELD, COMMITTED, REFUNDED, EXPIRED
}
