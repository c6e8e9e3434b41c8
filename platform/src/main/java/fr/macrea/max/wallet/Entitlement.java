package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

/** Whether the current tenant holds a right; {@link #reason()} says it is included, or what unlocks it. */
public record Entitlement(Right right, boolean granted, Message reason) {

}
