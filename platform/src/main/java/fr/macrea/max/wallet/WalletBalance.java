package fr.macrea.max.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The current tenant's wallet.
 *
 * @param allowance      tokens granted for this period (no rollover)
 * @param allowanceLeft  what is left of them
 * @param packLeft       pack tokens left (they roll over)
 * @param spent          tokens spent or held in this period
 * @param euroPerToken   value of one token for this tenant's plan
 */
public record WalletBalance(LocalDate periodStart, int allowance, int allowanceLeft, int packLeft, int spent,
                            BigDecimal euroPerToken) {

    public int total() {
        return allowanceLeft + packLeft;
    }

    public BigDecimal euroValue() {
        return euroOf(total());
    }

    public BigDecimal euroOf(int tokens) {
        return euroPerToken.multiply(BigDecimal.valueOf(tokens)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Share of the period's allowance used, 0..100 (100 also when the allowance is 0). */
    public int allowanceUsedPercent() {
        if (allowance <= 0) {
            return 100;
        }
        return (int) Math.min(100, (long) (allowance - allowanceLeft) * 100 / allowance);
    }
}
