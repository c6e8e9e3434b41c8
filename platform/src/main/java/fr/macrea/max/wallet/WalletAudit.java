package fr.macrea.max.wallet;

/** Balance from the wallet row, balance recomputed from the ledger, and tokens currently held. */
public record WalletAudit(long balance, long ledgerSum, long held) {

    public boolean consistent() {
        return balance == ledgerSum && balance >= 0;
    }
}
