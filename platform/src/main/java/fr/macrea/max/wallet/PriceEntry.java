package fr.macrea.max.wallet;

/** One line of a tenant's price table. */
public record PriceEntry(String actionId, String label, int tokens) {
}
