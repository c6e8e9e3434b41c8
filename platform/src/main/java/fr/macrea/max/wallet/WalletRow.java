package fr.macrea.max.wallet;

import java.time.LocalDate;

/**
 * The wallet row of a tenant as the wallet services read it (the repository maps the generated record to it, so
 * jOOQ stays in {@link WalletRepository}). Allowance is spent first, then pack tokens.
 */
record WalletRow(LocalDate periodStart, int allowanceTokens, int packTokens, int spent, boolean notified80,
                 boolean notified100) {

    int allowanceLeft() {
        return Math.max(0, allowanceTokens - spent);
    }

    /** Pack tokens not spent yet (spending beyond the allowance eats them). */
    int packLeft() {
        return packTokens - Math.max(0, spent - allowanceTokens);
    }

    /** Everything still spendable this period. */
    int available() {
        return allowanceTokens + packTokens - spent;
    }
}
