package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

/** Whether the current tenant holds a right; when locked, {@link #message()} says what unlocks it. */
public record Entitlement(Right right, boolean granted, Message message) {
}
