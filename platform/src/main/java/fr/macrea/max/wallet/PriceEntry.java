package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

/** One line of a tenant's price table; its label is rendered in the user's language. */
public record PriceEntry(String actionId, Message label, int tokens) {
}
