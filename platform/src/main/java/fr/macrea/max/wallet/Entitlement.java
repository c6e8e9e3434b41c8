package fr.macrea.max.wallet;

/** Whether the current tenant holds a right; when locked, {@link #message()} says what unlocks it (French). */
public record Entitlement(Right right, boolean granted, String message) {
}
