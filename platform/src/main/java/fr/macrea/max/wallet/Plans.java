package fr.macrea.max.wallet;

import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/** What each plan includes (SPEC §5): monthly allowance, subscription price, rights. */
public final class Plans {

    private Plans() {
    }

    public static int monthlyAllowance(Plan plan) {
        return switch (plan) {
            case STANDARD -> 100;
            case PRO -> 500;
            case STUDIO -> 1500;
        };
    }

    /** Monthly price in euros; Standard is included with the CRM (0). */
    public static BigDecimal monthlyPrice(Plan plan) {
        return switch (plan) {
            case STANDARD -> BigDecimal.ZERO;
            case PRO -> new BigDecimal("99");
            case STUDIO -> new BigDecimal("199");
        };
    }

    /**
     * Euro value of one token: the subscription price divided by the allowance (Pro 99 €/500, Studio 199 €/1500);
     * Standard, included with the CRM, values its tokens at the pack price.
     */
    public static BigDecimal euroPerToken(Plan plan, int packSize, BigDecimal packPrice) {
        if (plan == Plan.STANDARD) {
            return packPrice.divide(BigDecimal.valueOf(packSize), 6, RoundingMode.HALF_UP);
        }
        return monthlyPrice(plan).divide(BigDecimal.valueOf(monthlyAllowance(plan)), 6, RoundingMode.HALF_UP);
    }

    public static boolean grants(Plan plan, Set<AddOn> addOns, Right right) {
        if (plan.ordinal() >= right.minimumPlan().ordinal()) {
            return true;
        }
        return right.addOn() != null && addOns.contains(right.addOn());
    }
}
