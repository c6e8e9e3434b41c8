package fr.macrea.max.wallet;

/** What the invariant test drives: ours through reserve/commit/refund, the naive one through read-then-write. */
interface SpendingWallet {

    /** Tries to spend; returns the tokens finally charged (0 if refused or refunded). */
    int spend(int amount, boolean failAfterReserve);

    long balance();

    long ledgerSum();
}
